/**
 * Lays out a Radicale calendar of N events directly on disk (Radicale's storage is one .ics file per
 * object plus a .Radicale.props file), so the benchmark does not upload 5,000 objects one by one.
 * The mix is deterministic (seeded) and realistic: zoned times in three zones, UTC, floating, all-day
 * and multi-day, weekly series with moved and cancelled occurrences, titles in several scripts, and a
 * few groups of events with the same title and time (identity must come from the UID).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { seededRandom } from '../../servers/seeded-random';
import { VTIMEZONES } from './vtimezones';

const TITLES = [
  'Team meeting',
  'Réunion d’équipe',
  'Zahnarzt – Kontrolle',
  '会議：四半期レビュー',
  'Ежедневная планёрка',
  'Συνάντηση με πελάτη',
  'اجتماع المشروع',
  '주간 회의',
  'Lunch with Ana',
  'Standup',
] as const;
const ZONES = Object.keys(VTIMEZONES);
const DAY = 86_400_000;

export interface GeneratedObject {
  readonly name: string;
  readonly uid: string;
  readonly ics: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
function local(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`;
}
const date = (ms: number) => local(ms).slice(0, 8);

function wrap(uid: string, components: readonly string[], zone: string | null, stamp: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Almanac//sync bench//EN', 'CALSCALE:GREGORIAN'];
  if (zone !== null) lines.push(VTIMEZONES[zone] ?? '');
  for (const component of components)
    lines.push(`BEGIN:VEVENT\nUID:${uid}\nDTSTAMP:${stamp}Z\n${component}\nEND:VEVENT`);
  lines.push('END:VCALENDAR', '');
  return lines.join('\n').replace(/\r?\n/g, '\r\n');
}

export function benchObject(index: number, random: () => number, summaryOverride?: string): GeneratedObject {
  const uid = `bench-${index}-${Math.floor(random() * 1e9).toString(36)}@almanac.test`;
  const base =
    Date.UTC(2025, 0, 1) + Math.floor(random() * 3 * 365) * DAY + (7 + Math.floor(random() * 12)) * 3_600_000;
  const title = summaryOverride ?? `${TITLES[index % TITLES.length] ?? 'Event'} #${index}`;
  const stamp = local(Date.UTC(2025, 0, 1));
  const kind = random();
  const zone = ZONES[index % ZONES.length] ?? 'Europe/Zurich';
  let components: string[];
  let usedZone: string | null = null;
  if (kind < 0.45) {
    usedZone = zone;
    components = [
      `DTSTART;TZID=${zone}:${local(base)}\nDTEND;TZID=${zone}:${local(base + 3_600_000)}\nSUMMARY:${title}\nLOCATION:Room ${index % 40}`,
    ];
  } else if (kind < 0.6) {
    components = [`DTSTART:${local(base)}Z\nDURATION:PT45M\nSUMMARY:${title}`];
  } else if (kind < 0.65) {
    components = [`DTSTART:${local(base)}\nDTEND:${local(base + 1_800_000)}\nSUMMARY:${title} (floating)`];
  } else if (kind < 0.8) {
    const days = 1 + Math.floor(random() * 3);
    components = [
      `DTSTART;VALUE=DATE:${date(base)}\nDTEND;VALUE=DATE:${date(base + days * DAY)}\nSUMMARY:${title}\nTRANSP:TRANSPARENT`,
    ];
  } else {
    usedZone = zone;
    const moved = base + 7 * DAY;
    const cancelled = base + 14 * DAY;
    components = [
      `DTSTART;TZID=${zone}:${local(base)}\nDTEND;TZID=${zone}:${local(base + 3_600_000)}\nRRULE:FREQ=WEEKLY;COUNT=20\nEXDATE;TZID=${zone}:${local(cancelled)}\nSUMMARY:${title} (weekly)\nBEGIN:VALARM\nACTION:DISPLAY\nDESCRIPTION:Reminder\nTRIGGER:-PT15M\nEND:VALARM`,
      `RECURRENCE-ID;TZID=${zone}:${local(moved)}\nDTSTART;TZID=${zone}:${local(moved + 7_200_000)}\nDTEND;TZID=${zone}:${local(moved + 10_800_000)}\nSUMMARY:${title} (weekly, moved)`,
    ];
  }
  return { name: `${uid.replace(/@.*/, '')}.ics`, uid, ics: wrap(uid, components, usedZone, stamp) };
}

/** Writes `count` objects into `dir` as a Radicale calendar collection; returns them. */
export async function layOutRadicaleCalendar(
  dir: string,
  count: number,
  seed = 5000,
): Promise<GeneratedObject[]> {
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, '.Radicale.props'),
    JSON.stringify({
      tag: 'VCALENDAR',
      'D:displayname': 'Bench',
      'C:supported-calendar-component-set': 'VEVENT',
    }),
  );
  const random = seededRandom(seed);
  const objects: GeneratedObject[] = [];
  for (let index = 0; index < count; index++) {
    // Every 100th event repeats its predecessor's title and time (a different UID): the duplicates
    // a title-and-time matcher would merge.
    const previous = objects.at(-1);
    const same = index % 100 === 1 && previous ? /SUMMARY:([^\r\n]*)/.exec(previous.ics)?.[1] : undefined;
    const object =
      same !== undefined && previous
        ? {
            ...previous,
            uid: `${previous.uid}-twin`,
            name: previous.name.replace('.ics', '-twin.ics'),
            ics: previous.ics.replaceAll(previous.uid, `${previous.uid}-twin`),
          }
        : benchObject(index, random);
    objects.push(object);
  }
  await Promise.all(objects.map((object) => writeFile(join(dir, object.name), object.ics)));
  return objects;
}
