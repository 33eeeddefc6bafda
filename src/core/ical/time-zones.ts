/**
 * Time zones of an iCalendar object (docs/sync-rules.md rule 24). Every TZID of the object is resolved before
 * any time is converted, in this order:
 *   1. an IANA name the platform knows (after stripping `/mozilla.org/20050126_1/`-style prefixes and
 *      mapping Windows names such as `W. Europe Standard Time`) → converted with `Intl`;
 *   2. otherwise the object's own VTIMEZONE, through ical.js;
 *   3. otherwise the time stays floating and a warning says so (never silently misplaced).
 * ical.js alone would turn an unknown TZID into a floating time without a word.
 */
import ICAL from 'ical.js';
import { isKnownZone, offsetForWall } from './intl-zone';
import { windowsZoneToIana } from './windows-zones';

/** An ical.js zone whose offsets come from `Intl`, so every IANA zone works without tz data. */
export class IntlTimezone extends ICAL.Timezone {
  readonly iana: string;

  constructor(iana: string) {
    super({ tzid: iana });
    this.iana = iana;
  }

  /** Offset in seconds of a wall-clock time in this zone (gap → forward, overlap → first). */
  override utcOffset(tt: ICAL.Time): number {
    const wallMs = Date.UTC(tt.year, tt.month - 1, tt.day, tt.hour, tt.minute, tt.second);
    return offsetForWall(this.iana, wallMs) / 1000;
  }
}

const intlZones = new Map<string, IntlTimezone>();

/** One shared `IntlTimezone` per IANA name. */
export function intlTimezone(iana: string): IntlTimezone {
  let zone = intlZones.get(iana);
  if (!zone) {
    zone = new IntlTimezone(iana);
    intlZones.set(iana, zone);
  }
  return zone;
}

/** Strips quotes and vendor prefixes: `/mozilla.org/20050126_1/Europe/Zurich` → `Europe/Zurich`. */
export function normalizeTzid(tzid: string): string {
  let name = tzid.trim().replace(/^"(.*)"$/, '$1');
  if (name.startsWith('/')) {
    name = name.replace(/^\/+/, '');
    const segments = name.split('/');
    // `/vendor.tld/version/Area/City`: the first segment names the vendor, the second its release.
    if (segments.length > 2 && segments[0]?.includes('.') === true) name = segments.slice(2).join('/');
  }
  return name;
}

/** The IANA zone a TZID stands for, when the platform knows it; null otherwise. */
export function resolveIanaZone(tzid: string): string | null {
  const name = normalizeTzid(tzid);
  if (name === 'Z' || name.toUpperCase() === 'UTC' || name.toUpperCase() === 'GMT') return 'UTC';
  if (isKnownZone(name)) return name;
  const fromWindows = windowsZoneToIana(name);
  if (fromWindows !== null && isKnownZone(fromWindows)) return fromWindows;
  return null;
}

export interface ResolvedZone {
  readonly zone: ICAL.Timezone;
  /** The IANA name when resolved through `Intl`. */
  readonly iana: string | null;
  /** True when neither `Intl` nor a VTIMEZONE knew the TZID: the time is kept floating. */
  readonly unknown: boolean;
}

export type ZoneResolver = (tzid: string) => ResolvedZone;

/** Resolves TZIDs against `Intl`, then the VTIMEZONEs of `vcalendar`; unknown ones add a warning. */
export function createZoneResolver(vcalendar: ICAL.Component, warnings: string[]): ZoneResolver {
  const cache = new Map<string, ResolvedZone>();
  return (tzid) => {
    const hit = cache.get(tzid);
    if (hit) return hit;
    let resolved: ResolvedZone;
    const iana = resolveIanaZone(tzid);
    const definition = vcalendar
      .getAllSubcomponents('vtimezone')
      .find((component) => component.getFirstPropertyValue('tzid') === tzid);
    if (iana !== null) {
      resolved = {
        zone: iana === 'UTC' ? ICAL.Timezone.utcTimezone : intlTimezone(iana),
        iana,
        unknown: false,
      };
    } else if (definition) {
      resolved = { zone: new ICAL.Timezone({ component: definition, tzid }), iana: null, unknown: false };
    } else {
      warnings.push(`Unknown time zone "${tzid}" without a VTIMEZONE: its times are shown as floating.`);
      resolved = { zone: ICAL.Timezone.localTimezone, iana: null, unknown: true };
    }
    cache.set(tzid, resolved);
    return resolved;
  };
}

const ZONED_PROPERTIES = ['dtstart', 'dtend', 'due', 'recurrence-id', 'exdate', 'rdate'] as const;

function setZone(time: ICAL.Time, zone: ICAL.Timezone): void {
  if (time.isDate || time.zone === ICAL.Timezone.utcTimezone) return;
  time.zone = zone;
  // ical.js caches the epoch of a time; the zone just changed under it.
  time._cachedUnixTime = null;
}

/** The TZID parameter of a property, if any. */
export function tzidOf(property: ICAL.Property): string | null {
  const tzid: unknown = property.getParameter('tzid');
  if (typeof tzid === 'string' && tzid.length > 0) return tzid;
  if (Array.isArray(tzid) && typeof tzid[0] === 'string') return tzid[0];
  return null;
}

/**
 * Gives every date-time value of every VEVENT its resolved zone. Run once right after parsing, before
 * any time is compared or converted (ical.js caches property values, so the zones stick).
 */
export function applyZones(vcalendar: ICAL.Component, resolve: ZoneResolver): void {
  for (const vevent of vcalendar.getAllSubcomponents('vevent')) {
    for (const name of ZONED_PROPERTIES) {
      for (const property of vevent.getAllProperties(name)) {
        const tzid = tzidOf(property);
        const values = property.getValues() as unknown[];
        if (tzid === null) continue;
        const { zone } = resolve(tzid);
        for (const value of values) {
          if (value instanceof ICAL.Time) setZone(value, zone);
          else if (value instanceof ICAL.Period) {
            setZone(value.start, zone);
            const end: unknown = value.end;
            if (end instanceof ICAL.Time) setZone(end, zone);
          }
        }
      }
    }
  }
}
