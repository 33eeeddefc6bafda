/**
 * Runs a server binary as a child that cannot outlive the test process.
 *
 * The binary runs under a tiny `sh` watchdog that reads our stdin pipe: when the test process ends for
 * any reason (normal end, failed test, crash, SIGKILL of the vitest worker) the pipe closes, `cat`
 * returns and the watchdog kills the server. `stop()` does the same on purpose, waits for the exit and
 * falls back to SIGKILL of the process group it created.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface ServerProcess {
  /** Resolves once `probe` succeeds; rejects with the server's stderr if it exits or times out first. */
  waitUntilReady(probe: () => Promise<boolean>, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
  /** The last lines the server wrote (for error messages). */
  output(): string;
}

const WATCHDOG = '"$@" </dev/null & child=$!; cat >/dev/null; kill "$child" 2>/dev/null; wait "$child"';
const OUTPUT_LIMIT = 8_000;
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) killGroup(child, 'SIGKILL');
  });
}

export function spawnServer(command: string, args: readonly string[], cwd: string): ServerProcess {
  installExitHook();
  const child = spawn('sh', ['-c', WATCHDOG, 'watchdog', command, ...args], {
    cwd,
    detached: true, // own process group, so stop() can end the server and its watchdog together
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1' },
  });
  live.add(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
  });
  child.unref();

  return {
    output: () => output,
    async waitUntilReady(probe, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`${command} exited before answering:\n${output}`);
        if (await probe().catch(() => false)) return;
        if (Date.now() > deadline)
          throw new Error(`${command} did not answer within ${timeoutMs} ms:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      const timer = setTimeout(() => {
        killGroup(child, 'SIGKILL');
      }, 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
