// Whether Graph's copy is made of what the app sent (holds-sent.ts; docs/sync-rules.md rule 4: only
// another's edit may keep an event the user deleted). Found by the Graph convergence test (seed 42,
// case seed 2118822650): a series created here with an occurrence edit, never read back (its pull
// failed), then deleted here; Graph's copy gives the location an id derived from its name, and the
// delete took that for an edit and kept the event.
import { describe, expect, it } from 'vitest';
import { madeOfSent } from '../../../../../workers/sync/providers/graph/holds-sent';
import { fixture } from '../../../ical/fixture';

const sent = fixture('graph-series-with-exception-as-sent.ics');
const readBack = fixture('graph-series-with-exception-read-back.ics');

describe('madeOfSent', () => {
  it('takes a series read back from Graph, with the ids Graph derives for a location named by text, for the one the app sent', () => {
    expect(readBack).toContain('X-UNIQUE-ID="Zürich, Löwenstrasse";X-UNIQUE-ID-TYPE=private');
    expect(sent).not.toContain('X-UNIQUE-ID');
    expect(madeOfSent([sent], readBack)).toBe(true);
  });

  it('still sees another client’s edit of the location, of the master or of the exception', () => {
    const moved = readBack
      .replaceAll('Zürich, Löwenstrasse', 'Bern, Bundesplatz')
      .replaceAll('Zür\n ich\\, Löwenstrasse', 'Bern\\, Bundesplatz');
    expect(moved).not.toContain('Löwenstrasse');
    expect(madeOfSent([sent], moved)).toBe(false);
    const retitled = readBack.replace('SUMMARY:Local 11 Ünïcødé\n', 'SUMMARY:Renamed in Outlook\n');
    expect(retitled).not.toBe(readBack);
    expect(madeOfSent([sent], retitled)).toBe(false);
    const exceptionRetitled = readBack.replace('SUMMARY:Local 17 Ünïcødé (one)', 'SUMMARY:Moved by Adele');
    expect(exceptionRetitled).not.toBe(readBack);
    expect(madeOfSent([sent], exceptionRetitled)).toBe(false);
  });

  it('keeps a location id that says more than the name (a room from the directory)', () => {
    const room = readBack.replaceAll(
      'X-UNIQUE-ID="Zürich, Löwenstrasse";X-UNIQUE-ID-TYPE=private',
      'X-UNIQUE-ID="room-4711@contoso.com";X-UNIQUE-ID-TYPE=directory',
    );
    expect(room).not.toBe(readBack);
    expect(madeOfSent([sent], room)).toBe(false);
  });
});
