/**
 * vdirsyncer (Debian package) syncing the benchmark calendar to a local folder: the most trusted
 * open-source sync client, as the reference to beat. Its requests go through a counting layer (the
 * fault layer with no faults) so the run reports how many it sends.
 */
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const UTF8 = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };

export interface VdirsyncerSetup {
  readonly workDir: string;
  readonly calendarUrl: string;
  readonly username: string;
  readonly password: string;
}

export async function configureVdirsyncer(setup: VdirsyncerSetup): Promise<string> {
  const root = join(setup.workDir, 'vdirsyncer');
  await mkdir(join(root, 'status'), { recursive: true });
  await mkdir(join(root, 'local'), { recursive: true });
  const config = join(root, 'config');
  await writeFile(
    config,
    `[general]
status_path = "${join(root, 'status')}/"

[pair bench]
a = "bench_local"
b = "bench_remote"
collections = null
conflict_resolution = "b wins"

[storage bench_local]
type = "filesystem"
path = "${join(root, 'local')}/"
fileext = ".ics"

[storage bench_remote]
type = "caldav"
url = "${setup.calendarUrl}"
username = "${setup.username}"
password = "${setup.password}"
`,
  );
  // Not timed: discovery is a one-off per pair (`yes` answers its "create collection?" questions).
  await run('sh', ['-c', 'yes | vdirsyncer -c "$0" discover bench', config], { env: UTF8, timeout: 60_000 });
  return config;
}

/** One `vdirsyncer sync`; returns its wall time in ms. */
export async function vdirsyncerSync(config: string): Promise<number> {
  const started = performance.now();
  await run('vdirsyncer', ['-c', config, '-v', 'WARNING', 'sync'], {
    maxBuffer: 64 * 1024 * 1024,
    timeout: 5 * 60_000,
    env: UTF8,
  });
  return performance.now() - started;
}
