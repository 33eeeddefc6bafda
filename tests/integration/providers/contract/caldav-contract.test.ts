// The provider contract suite (provider-contract.ts) against the CalDAV provider, on real Radicale and
// Xandikos (Debian packages, installed on demand by tests/servers). What is CalDAV about it lives here:
// another client writes with plain PUT / DELETE at names of its own choosing, and a cursor the server
// does not know is a made-up sync token.
import { createCalDavProvider } from '../../../../workers/sync/providers/caldav/caldav-provider';
import { createDavClient } from '../../../servers/dav-client';
import { ensureServerPackages } from '../../../servers/ensure-packages';
import { startRadicale } from '../../../servers/radicale';
import type { RunningServer } from '../../../servers/running-server';
import { startXandikos } from '../../../servers/xandikos';
import { contractIcs, describeProviderContract, type ProviderWorld } from './provider-contract';

// A first run on a fresh machine installs the packages with apt-get (about a minute).
const INSTALL_TIMEOUT_MS = 10 * 60_000;

async function calDavWorld(start: () => Promise<RunningServer>): Promise<ProviderWorld> {
  await ensureServerPackages();
  const server = await start();
  const dav = createDavClient({ auth: server });
  let calendars = 0;
  return {
    async newCalendar() {
      calendars += 1;
      const url = await server.createCalendar(`contract-${calendars}-${Math.random().toString(36).slice(2)}`);
      let names = 0;
      const expectStatus = (what: string, result: { status: number; text: string }) => {
        if (result.status < 200 || result.status > 299)
          throw new Error(`${what} answered ${result.status}: ${result.text.slice(0, 300)}`);
      };
      return {
        provider: createCalDavProvider(
          { serverUrl: `${server.baseUrl}/` },
          {
            fetch: (input, init) => fetch(input, init),
            now: () => Date.now(),
            credentials: { kind: 'basic', username: server.username, password: server.password },
          },
        ),
        calendar: { remoteUrl: url },
        other: {
          async create(uid, summary) {
            // Another client names its objects its own way, not after the UID.
            names += 1;
            const href = `${url}other-client-${names}.ics`;
            expectStatus('PUT', await dav.put(href, contractIcs(uid, summary), { 'If-None-Match': '*' }));
            return href;
          },
          async edit(ref, uid, summary) {
            expectStatus('PUT', await dav.put(ref, contractIcs(uid, summary)));
          },
          async remove(ref) {
            expectStatus('DELETE', await dav.delete(ref));
          },
        },
        // Refused by both servers (as in tests/integration/sync/pull.test.ts).
        refusedCursor: 'http://radicale.org/ns/sync/0000-not-a-token',
        missingRef: `${url}nothing-here.ics`,
      };
    },
    stop: () => server.stop(),
  };
}

describeProviderContract('caldav on radicale', () => calDavWorld(() => startRadicale()), {
  startTimeoutMs: INSTALL_TIMEOUT_MS,
});
describeProviderContract('caldav on xandikos', () => calDavWorld(() => startXandikos()), {
  startTimeoutMs: INSTALL_TIMEOUT_MS,
});
