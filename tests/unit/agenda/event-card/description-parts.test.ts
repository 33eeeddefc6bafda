import { describe, expect, it } from 'vitest';
import { descriptionParts } from '../../../../src/pages/agenda/event-card/description-parts';
import { eventDetailsFromIcs } from '../../../../src/core/events/event-details';
import { fixture } from '../../ical/fixture';

describe('descriptionParts', () => {
  it('cuts plain text into text and http(s) links, leaving sentence punctuation out of the link', () => {
    const { description } = eventDetailsFromIcs(
      fixture('details-new-york-series-guests-reminders-links.ics'),
      null,
      'UTC',
    ).draft;
    const parts = descriptionParts(description);
    expect(parts).toEqual([
      { kind: 'text', text: 'Slides: ' },
      {
        kind: 'link',
        text: 'https://docs.example.com/q4-review',
        href: 'https://docs.example.com/q4-review',
      },
      {
        kind: 'text',
        text: '.\nNot a link: javascript:alert(1) or ftp://files.example.com\nAsk <ana@example.com>',
      },
    ]);
    // Nothing is lost or reordered: the parts put back together are the text.
    expect(parts.map((part) => part.text).join('')).toBe(description);
  });

  it('never makes a link of anything but http(s), and keeps text with no link whole', () => {
    expect(descriptionParts('javascript:alert(1) data:text/html,<b>x</b>')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) data:text/html,<b>x</b>' },
    ]);
    expect(descriptionParts('')).toEqual([]);
    expect(descriptionParts('(https://example.org/a_(b))')).toEqual([
      { kind: 'text', text: '(' },
      { kind: 'link', text: 'https://example.org/a_(b', href: 'https://example.org/a_(b' },
      { kind: 'text', text: '))' },
    ]);
  });
});
