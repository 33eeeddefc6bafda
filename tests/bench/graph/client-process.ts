/**
 * One Node client (the floor or the original way) in a process of its own, so its wall time and
 * heap are its own and not the test server's: `node --import tsx --expose-gc client-process.ts
 * <floor|original>`, driven over IPC by node-client.ts. Time is taken around the sync alone.
 */
import type { ClientSetup, FromClient, ToClient } from './client-protocol';
import { createFloor, type FloorRun } from './floor';
import { withPeakHeap } from './node-heap';
import { createOriginalWay, type OriginalRun } from './original-way';

const name = process.argv[2];
let client: ReturnType<typeof createFloor> | ReturnType<typeof createOriginalWay> | null = null;

function send(message: FromClient): void {
  process.send?.(message);
}

function create(setup: ClientSetup) {
  if (name === 'floor') return createFloor(setup);
  if (name === 'original') return createOriginalWay(setup);
  throw new Error(`Unknown client ${String(name)}: floor or original.`);
}

async function handle(message: ToClient): Promise<FromClient> {
  if (message.kind === 'setup') {
    client = create(message.setup);
    return { kind: 'ready' };
  }
  if (!client) throw new Error('setup first');
  if (message.kind === 'reset') {
    client.reset();
    return { kind: 'ready' };
  }
  const started = performance.now();
  const [detail, peakHeapMb] = await withPeakHeap<FloorRun | OriginalRun>(() =>
    client ? client.sync() : Promise.reject(new Error('no client')),
  );
  return { kind: 'synced', ms: performance.now() - started, peakHeapMb, detail };
}

process.on('message', (message: ToClient) => {
  handle(message).then(send, (error: unknown) => {
    send({
      kind: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  });
});
