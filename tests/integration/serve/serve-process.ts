import { spawn } from 'node:child_process';
import { ensureProxyBuilt } from '../../e2e/support/serve-app';
import { freePort } from '../../servers/free-port';

/**
 * `npm start`'s server (scripts/serve.mjs) as a real process on a free loopback port, serving `root`.
 * Unlike the e2e helper it keeps what the process wrote on stderr and whether it exited, so a test can
 * say the process never fell over and never logged an error.
 */
export interface ServeProcess {
  readonly origin: string;
  readonly port: number;
  /** Exit code or signal if the process ended, else null. */
  exited(): string | null;
  stderr(): string;
  stop(): Promise<void>;
}

export async function startServe(root: string, env: Record<string, string> = {}): Promise<ServeProcess> {
  await ensureProxyBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, ['scripts/serve.mjs'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', ALMANAC_DIST: root },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = signal ?? String(code);
      resolve();
    });
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    // The proxy logs one JSON line per request on stdout: keep reading it so the pipe never fills.
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Almanac is served')) resolve();
    });
    void exited.then(() => {
      reject(new Error(`serve.mjs exited: ${errors}`));
    });
  });
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    exited: () => exit,
    stderr: () => errors,
    stop: async () => {
      if (exit === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
