// `npm run bench:sync`: a 5,000-event Radicale calendar laid out on disk, then the raw HTTP floor
// (curl), vdirsyncer and (slot) Almanac's engine on three workloads: first sync, re-sync with no
// change, re-sync after 10 changed + 10 deleted on the server. Prints figures; passes nothing.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDebianTools, SERVER_TOOLS, VDIRSYNCER } from '../../servers/ensure-packages';
import { createDavClient } from '../../servers/dav-client';
import { startFaultLayer } from '../../servers/fault-layer';
import { radicaleCollectionDir, startRadicale } from '../../servers/radicale';
import { makeTempDir } from '../../servers/running-server';
import { seededRandom } from '../../servers/seeded-random';
import { runAlmanacSlot } from './almanac-slot';
import { fullListingAndMultiget, incremental, tokenCheck, type FloorFigure } from './curl-floor';
import { layOutRadicaleCalendar } from './generate-collection';
import { configureVdirsyncer, vdirsyncerSync } from './vdirsyncer-run';

const COUNT = Number(process.env.ALMANAC_BENCH_EVENTS ?? 5_000);
const USER = 'almanac';
const CALENDAR = 'bench';

const out = (line: string) => process.stdout.write(`${line}\n`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  await ensureDebianTools([...SERVER_TOOLS, VDIRSYNCER, { binary: 'curl', packageName: 'curl' }]);
  const work = await makeTempDir('sync-bench');
  const storage = join(work.path, 'storage');
  try {
    let started = performance.now();
    const objects = await layOutRadicaleCalendar(radicaleCollectionDir(storage, USER, CALENDAR), COUNT);
    out(`laid out ${objects.length} objects on disk in ${s(performance.now() - started)}`);
    started = performance.now();
    const server = await startRadicale({ username: USER, storageDir: storage });
    out(`radicale started in ${s(performance.now() - started)}`);
    const layer = await startFaultLayer({
      upstream: server.baseUrl,
      random: seededRandom(1),
      plan: { mode: 'none' },
    });
    try {
      const direct = server.calendarUrl(CALENDAR);
      const counted = `${layer.url}${new URL(direct).pathname}`;
      const curlTarget = {
        calendarUrl: direct,
        username: USER,
        password: server.password,
        workDir: work.path,
      };
      const dav = createDavClient({ auth: server });

      // Radicale builds its item cache on the first listing and its sync-token state on the first
      // token request (tens of seconds for 5,000 items): done once, untimed, so every client below
      // meets the same warm server.
      const warm = await fullListingAndMultiget(curlTarget);
      started = performance.now();
      await dav.syncToken(direct);
      out(
        `warm-up: listing ${s(warm.ms)} (${(warm.bytes / 1e6).toFixed(1)} MB), first sync-token ${s(performance.now() - started)}\n`,
      );

      const floorFirst = await fullListingAndMultiget(curlTarget);
      const floorNoChange = await tokenCheck(curlTarget);
      const token = (await dav.syncToken(direct)) ?? '';

      const config = await configureVdirsyncer({
        workDir: work.path,
        calendarUrl: counted,
        username: USER,
        password: server.password,
      });
      const requestsSince = (before: number) => layer.stats().requests - before;
      let mark = layer.stats().requests;
      const vFirst = { ms: await vdirsyncerSync(config), requests: requestsSince(mark) };
      mark = layer.stats().requests;
      const vNoChange = { ms: await vdirsyncerSync(config), requests: requestsSince(mark) };

      const changed = objects.slice(10, 20);
      const deleted = objects.slice(30, 40);
      for (const object of changed) {
        await dav.put(`${direct}${object.name}`, object.ics.replace(/SUMMARY:/, 'SUMMARY:[changed] '));
      }
      for (const object of deleted) await dav.delete(`${direct}${object.name}`);

      const floorChanges = await incremental(curlTarget, token);
      mark = layer.stats().requests;
      const vChanges = { ms: await vdirsyncerSync(config), requests: requestsSince(mark) };

      const almanac = await runAlmanacSlot({
        calendarUrl: counted,
        username: USER,
        password: server.password,
        countRequests: () => layer.stats().requests,
        changeServer: () => Promise.resolve(),
      });

      const row = (name: string, floor: FloorFigure, v: { ms: number; requests: number }) =>
        out(
          `${name.padEnd(22)} floor ${s(floor.ms).padStart(8)} ${String(floor.requests).padStart(3)} req  |  ` +
            `vdirsyncer ${s(v.ms).padStart(8)} ${String(v.requests).padStart(5)} req  (${(v.ms / floor.ms).toFixed(1)}× floor)`,
        );
      out(
        `Radicale ${COUNT} events — floor = curl, one process per request, direct; vdirsyncer via a counting layer`,
      );
      row('first sync', floorFirst, vFirst);
      row('re-sync, no change', floorNoChange, vNoChange);
      row('re-sync, 10 chg + 10 del', floorChanges, vChanges);
      out(`\nAlmanac engine: ${typeof almanac === 'string' ? almanac : JSON.stringify(almanac)}`);
    } finally {
      await layer.stop();
      await server.stop();
    }
  } finally {
    await rm(work.path, { recursive: true, force: true });
  }
}

await main();
