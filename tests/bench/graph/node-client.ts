/**
 * The benchmark's side of a Node client process (client-process.ts): start it, set it up, one call
 * per workload. The process is the client's alone; the benchmark counts its requests at the server.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ClientSetup, FromClient, NodeClientName, ToClient } from './client-protocol';
import type { FloorRun } from './floor';
import type { OriginalRun } from './original-way';

export interface NodeSync<D> {
  readonly ms: number;
  readonly peakHeapMb: number;
  readonly detail: D;
}

export interface NodeClient<D> {
  sync(): Promise<NodeSync<D>>;
  reset(): Promise<void>;
  close(): void;
}

const ENTRY = fileURLToPath(new URL('client-process.ts', import.meta.url));

function ask(child: ChildProcess, message: ToClient): Promise<FromClient> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => {
      reject(new Error(`The client process ended (${String(code)}) before answering ${message.kind}.`));
    };
    child.once('exit', onExit);
    child.once('message', (answer: FromClient) => {
      child.off('exit', onExit);
      if (answer.kind === 'failed') reject(new Error(answer.message));
      else resolve(answer);
    });
    child.send(message);
  });
}

export async function startNodeClient(name: 'floor', setup: ClientSetup): Promise<NodeClient<FloorRun>>;
export async function startNodeClient(name: 'original', setup: ClientSetup): Promise<NodeClient<OriginalRun>>;
export async function startNodeClient(
  name: NodeClientName,
  setup: ClientSetup,
): Promise<NodeClient<FloorRun | OriginalRun>> {
  const child = fork(ENTRY, [name], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: 'inherit' });
  await ask(child, { kind: 'setup', setup });
  return {
    async sync() {
      const answer = await ask(child, { kind: 'sync' });
      if (answer.kind !== 'synced') throw new Error(`The ${name} client answered ${answer.kind} to sync.`);
      return { ms: answer.ms, peakHeapMb: answer.peakHeapMb, detail: answer.detail };
    },
    async reset() {
      await ask(child, { kind: 'reset' });
    },
    close() {
      child.kill();
    },
  };
}
