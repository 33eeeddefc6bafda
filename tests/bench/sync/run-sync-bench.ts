// `npm run bench:sync`: a 5,000-event Radicale calendar laid out on disk, then the raw HTTP floor
// (curl), vdirsyncer and Almanac's engine (almanac-slot.ts: headless Chromium, real IndexedDB, the real
// proxy) on three workloads: first sync, re-sync with no change, re-sync after 10 changed + 10 deleted
// on the server. Prints figures beside the targets; passes nothing.
// ALMANAC_BENCH_EVENTS (5000), ALMANAC_BENCH_FIRST_RUNS (3: first syncs per client, median kept),
// ALMANAC_BENCH_BATCH (multiget size; the engine's default when unset),
// ALMANAC_BENCH_PROFILE=1 (CPU profile of each Almanac workload, and per-object vs bulk storing).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_MULTIGET_BATCH } from '../../../workers/sync/providers/caldav/multiget';
import { ensureDebianTools, SERVER_TOOLS, VDIRSYNCER } from '../../servers/ensure-packages';
import { createDavClient } from '../../servers/dav-client';
import { startFaultLayer } from '../../servers/fault-layer';
import { radicaleCollectionDir, startRadicale } from '../../servers/radicale';
import { makeTempDir } from '../../servers/running-server';
import { seededRandom } from '../../servers/seeded-random';
import { startAlmanacSlot, type WorkloadFigure } from './almanac-slot';
import {
  incremental,
  propfindListingAndMultiget,
  syncListingAndMultiget,
  tokenCheck,
  type FloorFigure,
} from './curl-floor';
import { layOutRadicaleCalendar } from './generate-collection';
import { probePropfind } from './propfind-probe';
import { printTable } from './report';
import { configureVdirsyncer, vdirsyncerSync } from './vdirsyncer-run';

const COUNT = Number(process.env.ALMANAC_BENCH_EVENTS ?? 5_000);
const USER = 'almanac';
const CALENDAR = 'bench';
// Objects per calendar-multiget (the engine's default when unset): to measure other batch sizes.
const BATCH = process.env.ALMANAC_BENCH_BATCH ? Number(process.env.ALMANAC_BENCH_BATCH) : undefined;

const NO_CHANGE_RUNS = 5;
// The first sync is the longest workload and the one nearest its targets: floor, vdirsyncer and
// Almanac each run it this many times, interleaved (so all three meet the same load), median kept.
const FIRST_SYNC_RUNS = Number(process.env.ALMANAC_BENCH_FIRST_RUNS ?? 3);

/** The run with the median wall time, reporting the most requests any run made (none is hidden). */
function medianFigure<T extends { ms: number; requests: number }>(all: readonly T[]): T {
  const median = [...all].sort((a, b) => a.ms - b.ms)[all.length >> 1];
  if (!median) throw new Error('no runs');
  return { ...median, requests: Math.max(...all.map((run) => run.requests)) };
}

async function medianOf<T extends { ms: number; requests: number }>(
  runs: number,
  once: () => Promise<T>,
): Promise<T> {
  const all: T[] = [];
  for (let i = 0; i < runs; i += 1) all.push(await once());
  return medianFigure(all);
}

const msText = (value: number) => `${value.toFixed(0)} ms`;
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
      // meets the same warm server. The warm-up works (a second PROPFIND listing drops from ~20 s to
      // 6–9 s, a second token request from ~8 s to 0.3 s); what a PROPFIND listing still costs then
      // is Radicale's own quadratic scan, which no warm-up removes (curl-floor.ts), so the floor
      // lists by sync-collection like the engine does.
      const warm = await propfindListingAndMultiget(curlTarget);
      started = performance.now();
      await dav.syncToken(direct);
      const tokenMs = performance.now() - started;
      await syncListingAndMultiget(curlTarget);
      out(
        `warm-up: listing ${s(warm.ms)} (${(warm.bytes / 1e6).toFixed(1)} MB), first sync-token ${s(tokenMs)}\n`,
      );

      // For the record: the first sync listed by PROPFIND Depth 1, as vdirsyncer lists.
      const propfindFirst = await propfindListingAndMultiget(curlTarget);
      const token = (await dav.syncToken(direct)) ?? '';
      const requestsSince = (before: number) => layer.stats().requests - before;
      let mark: number;

      const almanac = await startAlmanacSlot({
        calendarUrl: counted,
        username: USER,
        password: server.password,
        countRequests: () => layer.stats().requests,
        ...(BATCH !== undefined ? { multigetBatchSize: BATCH } : {}),
        profile: process.env.ALMANAC_BENCH_PROFILE === '1',
      });
      try {
        const floorFirstRuns: FloorFigure[] = [];
        const vFirstRuns: { ms: number; requests: number }[] = [];
        const aFirstRuns: WorkloadFigure[] = [];
        let config = '';
        for (let run = 0; run < FIRST_SYNC_RUNS; run += 1) {
          floorFirstRuns.push(await syncListingAndMultiget(curlTarget));
          // A fresh vdirsyncer pair (empty folder and status) for each first sync; the last one stays.
          config = await configureVdirsyncer({
            workDir: join(work.path, `vdirsyncer-${run}`),
            calendarUrl: counted,
            username: USER,
            password: server.password,
          });
          mark = layer.stats().requests;
          vFirstRuns.push({ ms: await vdirsyncerSync(config), requests: requestsSince(mark) });
          if (run > 0) await almanac.reset();
          aFirstRuns.push(await almanac.sync());
        }
        const floorFirst = medianFigure(floorFirstRuns);
        const vFirst = medianFigure(vFirstRuns);
        const aFirst = {
          ...medianFigure(aFirstRuns),
          peakHeapMb: Math.max(...aFirstRuns.map((figure) => figure.peakHeapMb)),
        };
        mark = layer.stats().requests;
        const vNoChange = { ms: await vdirsyncerSync(config), requests: requestsSince(mark) };

        // One request of well under a second on a shared machine: floor and Almanac interleaved, the
        // median of a few runs each, so both meet the same load.
        const floorRuns: FloorFigure[] = [];
        const aNoChange = await medianOf(NO_CHANGE_RUNS, async () => {
          floorRuns.push(await tokenCheck(curlTarget));
          return almanac.sync();
        });
        const floorNoChange = medianFigure(floorRuns);
        const probe = await probePropfind({
          direct,
          counted,
          appOrigin: almanac.origin,
          username: USER,
          password: server.password,
        });

        const changed = objects.slice(10, 20);
        const deleted = objects.slice(30, 40);
        for (const object of changed) {
          await dav.put(`${direct}${object.name}`, object.ics.replace(/SUMMARY:/, 'SUMMARY:[changed] '));
        }
        for (const object of deleted) await dav.delete(`${direct}${object.name}`);

        const floorChanges = await incremental(curlTarget, token);
        mark = layer.stats().requests;
        const vChanges = { ms: await vdirsyncerSync(config), requests: requestsSince(mark) };
        const aChanges = await almanac.sync();

        const list = (figures: readonly { ms: number }[]) =>
          figures.map((figure) => s(figure.ms)).join(' / ');
        out(
          `first sync, ${FIRST_SYNC_RUNS} runs each (median below): floor ${list(floorFirstRuns)}; ` +
            `vdirsyncer ${list(vFirstRuns)}; almanac ${list(aFirstRuns)}`,
        );
        printTable(out, COUNT, {
          first: { name: 'first sync', floor: floorFirst, vdirsyncer: vFirst, almanac: aFirst },
          noChange: {
            name: 're-sync, no change',
            floor: floorNoChange,
            vdirsyncer: vNoChange,
            almanac: aNoChange,
          },
          changes: {
            name: 're-sync, 10 chg + 10 del',
            floor: floorChanges,
            vdirsyncer: vChanges,
            almanac: aChanges,
          },
        });
        out(
          `first sync by curl listing with PROPFIND Depth 1 instead (vdirsyncer's way): ${s(propfindFirst.ms)} ` +
            `(${propfindFirst.requests} req): Radicale's PROPFIND is quadratic in the collection's size`,
        );
        out(
          `no-change PROPFIND from Node, medians: floor's body direct ${msText(probe.floorBodyDirectMs)}, ` +
            `engine's body direct ${msText(probe.engineBodyDirectMs)}, engine's body via proxy + counting layer ` +
            msText(probe.engineBodyProxiedMs),
        );
        if (process.env.ALMANAC_BENCH_PROFILE === '1') {
          const objects = await dav.listObjects(direct);
          const experiment = await almanac.storeExperiment(objects, BATCH ?? DEFAULT_MULTIGET_BATCH);
          out(
            `\nstoring ${experiment.objects} fetched objects in batches of ${experiment.batch} (no network): ` +
              `parse only ${s(experiment.parseOnlyMs)}; per object as apply-remote does ${s(experiment.perObjectMs)}; ` +
              `bulk putEvents ${s(experiment.bulkMs)}`,
          );
        }
      } finally {
        await almanac.close();
      }
    } finally {
      await layer.stop();
      await server.stop();
    }
  } finally {
    await rm(work.path, { recursive: true, force: true });
  }
}

await main();
