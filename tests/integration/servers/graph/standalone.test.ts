// The Graph test server on its own: the CLI (`tsx tests/servers/graph/main.ts`) and the generated
// mailbox it seeds (the same seed, the same mailbox).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { generateMailbox, startGraphServer } from '../../../servers/graph/index';
import { deltaRound } from './graph-http';

const DAY_MS = 86_400_000;
const FROM = Date.UTC(2025, 0, 1);
const TO = FROM + 3 * 365 * DAY_MS;

describe('generated mailbox', () => {
  it('makes the same mailbox from the same seed, with the series asked for', async () => {
    const make = async () => {
      const server = await startGraphServer({ seed: 3, now: () => FROM });
      const counts = generateMailbox(server.seed, {
        events: 40,
        series: 6,
        seed: 9,
        fromMs: FROM,
        toMs: TO,
        calendarIds: [server.store.defaultCalendar().id],
      });
      const events = server.inspect.events();
      await server.stop();
      return { counts, events };
    };
    const [one, two] = [await make(), await make()];
    expect(one.counts).toEqual({ singles: 34, series: 6 });
    expect(one.events).toHaveLength(40);
    expect(one.events.filter((event) => event['type'] === 'seriesMaster')).toHaveLength(6);
    expect(two.events).toEqual(one.events);
  });
});

describe('main.ts (the CLI)', () => {
  it('starts on a free port, seeds events, prints where it listens, and stops on SIGTERM', async () => {
    const args = [
      '--import',
      'tsx',
      'tests/servers/graph/main.ts',
      '--port',
      '0',
      '--seed',
      '30',
      '--calendars',
      '2',
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).once('line', resolve);
        child.once('exit', (code) => {
          reject(new Error(`main.ts exited with ${String(code)}`));
        });
      });
      const started = JSON.parse(line) as { url: string; baseUrl: string; token: string };
      expect(started.baseUrl).toBe(`${started.url}/v1.0`);
      const calendars = await fetch(`${started.baseUrl}/me/calendars`, {
        headers: { Authorization: `Bearer ${started.token}` },
      });
      expect(((await calendars.json()) as { value: unknown[] }).value).toHaveLength(2);
      const now = Date.now();
      const window = `/me/calendarView/delta?startDateTime=${new Date(now - 366 * DAY_MS).toISOString()}&endDateTime=${new Date(now + 731 * DAY_MS).toISOString()}`;
      expect((await deltaRound(started, window)).rows.length).toBeGreaterThan(0);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  }, 60_000);
});
