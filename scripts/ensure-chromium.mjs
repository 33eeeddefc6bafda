// Makes sure Debian's Chromium is installed for the e2e tests and the benchmark, then prints its
// version. Playwright's own browser download (`npx playwright install`) is not used: CI machines reach
// only the npm registry and Debian's mirrors, so we drive the distribution's /usr/bin/chromium.
// Runs on a fresh Debian machine with nothing but Node: no dependencies, only node: built-ins.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.ALMANAC_CHROMIUM ?? '/usr/bin/chromium';

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with status ${result.status}`);
  }
}

function fail(message) {
  process.stderr.write(`ensure-chromium: ${message}\n`);
  process.exit(1);
}

if (!existsSync(CHROMIUM)) {
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    fail(
      `${CHROMIUM} is missing and this is not a Debian-like system with apt-get. ` +
        'Install Chromium yourself and point ALMANAC_CHROMIUM at its binary.',
    );
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    fail(
      `${CHROMIUM} is missing. Install it as root: \`apt-get update && apt-get install -y chromium\` ` +
        '(or run this script with sudo).',
    );
  }
  process.stdout.write(`ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium…\n`);
  try {
    const noninteractive = { DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], noninteractive);
    run(
      'apt-get',
      ['install', '-y', '--no-install-recommends', 'chromium', 'fonts-liberation'],
      noninteractive,
    );
  } catch (error) {
    fail(`installing chromium failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!existsSync(CHROMIUM)) fail(`apt-get finished but ${CHROMIUM} still does not exist.`);
}

// Debian's wrapper script prints harmless shell noise on stderr for --version; keep only stdout.
const version = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  fail(`${CHROMIUM} --version failed: ${version.error?.message ?? version.stderr.trim()}`);
}
process.stdout.write(`ensure-chromium: ${version.stdout.trim()} at ${CHROMIUM}\n`);
