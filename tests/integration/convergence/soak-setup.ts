// What vitest gives the convergence test and a plain `tsx` run does not (vite.config.ts `test`): the
// suite's fixed zone and a real IndexedDB in Node. Imported first by soak.ts, before any module reads
// the zone or opens a database.
import 'fake-indexeddb/auto';

process.env.TZ = 'Europe/Zurich';
