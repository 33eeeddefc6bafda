/**
 * Three-way merge of one iCalendar object, property by property, against the last version both sides
 * agreed on (docs/sync-rules.md rule 3, where we beat vdirsyncer and DAVx5). Changed on one side → that side;
 * changed on both alike → either; changed on both differently → the server's, named in `conflicts`
 * so the caller keeps the user's version as a conflict copy. Components (master, overrides) are
 * matched by RECURRENCE-ID; sub-components (VALARM) compare as one value per kind. A series placed
 * anew on one side (DTSTART, DTEND, DURATION, RRULE, RDATE or EXDATE) while its overrides changed on
 * the other, or placed anew differently on both, is a conflict too: RECURRENCE-IDs and EXDATEs name
 * occurrences of the old placement (an occurrence edited or cancelled there and the series moved or
 * the occurrence deleted here would lose it; found by the Graph convergence test), so the server's
 * placement and overrides are kept.
 */
import ICAL from 'ical.js';
import { parseVCalendar } from '../../../src/core/ical/calendar-object';
import { cloneComponent } from '../../../src/core/ical/component-utils';

export interface MergeResult {
  /** The merged object: the server's text with the local changes that did not conflict. */
  readonly ics: string;
  /** Property names that changed on both sides differently (the server's value was kept). */
  readonly conflicts: string[];
  /** The result holds something the server does not have: it must be uploaded. */
  readonly differsFromServer: boolean;
}

/** Not merged: stamps follow the server, SEQUENCE is recomputed. */
const IGNORED = new Set(['DTSTAMP', 'LAST-MODIFIED', 'CREATED', 'SEQUENCE']);

type Values = Map<string, string>;

function componentKey(vevent: ICAL.Component): string {
  const property = vevent.getFirstProperty('recurrence-id');
  return property === null ? 'master' : (property.toICALString().split(':').pop() ?? 'override');
}

function byKey(vcalendar: ICAL.Component | null): Map<string, ICAL.Component> {
  const map = new Map<string, ICAL.Component>();
  for (const vevent of vcalendar?.getAllSubcomponents('vevent') ?? []) map.set(componentKey(vevent), vevent);
  return map;
}

/** Property (or sub-component kind) name → its serialised values, sorted. */
function valuesOf(component: ICAL.Component | undefined): Values {
  const groups = new Map<string, string[]>();
  const add = (name: string, text: string) => groups.set(name, [...(groups.get(name) ?? []), text]);
  for (const property of component?.getAllProperties() ?? [])
    add(property.name.toUpperCase(), property.toICALString());
  for (const child of component?.getAllSubcomponents() ?? []) add(child.name.toUpperCase(), child.toString());
  return new Map([...groups].map(([name, texts]) => [name, texts.sort().join('\n')]));
}

function replaceGroup(target: ICAL.Component, source: ICAL.Component | undefined, name: string): void {
  const lower = name.toLowerCase();
  const isComponent =
    name.startsWith('V') &&
    target.getAllSubcomponents(lower).length + (source?.getAllSubcomponents(lower).length ?? 0) > 0;
  if (isComponent) {
    for (const child of target.getAllSubcomponents(lower)) target.removeSubcomponent(child);
    for (const child of source?.getAllSubcomponents(lower) ?? [])
      target.addSubcomponent(cloneComponent(child));
    return;
  }
  target.removeAllProperties(lower);
  for (const property of source?.getAllProperties(lower) ?? []) {
    target.addProperty(ICAL.Property.fromString(property.toICALString()));
  }
}

function sequenceOf(component: ICAL.Component | undefined): number {
  const value: unknown = component?.getFirstPropertyValue('sequence');
  return typeof value === 'number' ? value : 0;
}

/** Merges one component present on both sides; returns whether local values were taken. */
function mergeComponent(
  base: ICAL.Component | undefined,
  local: ICAL.Component,
  server: ICAL.Component,
  conflicts: Set<string>,
): { merged: ICAL.Component; tookLocal: boolean } {
  const [b, l, s] = [valuesOf(base), valuesOf(local), valuesOf(server)];
  const merged = cloneComponent(server);
  let tookLocal = false;
  for (const name of new Set([...l.keys(), ...s.keys(), ...b.keys()])) {
    if (IGNORED.has(name)) continue;
    const [bv, lv, sv] = [b.get(name), l.get(name), s.get(name)];
    if (lv === sv || lv === bv) continue;
    if (sv === bv) {
      replaceGroup(merged, local, name);
      tookLocal = true;
    } else {
      conflicts.add(name);
    }
  }
  if (tookLocal)
    merged.updatePropertyWithValue('sequence', Math.max(sequenceOf(local), sequenceOf(server) + 1));
  return { merged, tookLocal };
}

function changedSince(base: ICAL.Component | undefined, component: ICAL.Component): boolean {
  if (!base) return true;
  const before = valuesOf(base);
  const after = valuesOf(component);
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].some((name) => !IGNORED.has(name) && before.get(name) !== after.get(name));
}

/** What places a series' occurrences; an override's RECURRENCE-ID names one of them. */
const PLACEMENT = ['DTSTART', 'DTEND', 'DURATION', 'RRULE', 'RDATE', 'EXDATE'] as const;

function placementChanged(base: ICAL.Component | undefined, side: ICAL.Component | undefined): boolean {
  if (!base || !side) return false;
  const [before, after] = [valuesOf(base), valuesOf(side)];
  return PLACEMENT.some((name) => before.get(name) !== after.get(name));
}

function overridesChanged(base: Map<string, ICAL.Component>, side: Map<string, ICAL.Component>): boolean {
  for (const key of new Set([...base.keys(), ...side.keys()])) {
    if (key === 'master') continue;
    const [before, after] = [base.get(key), side.get(key)];
    if (!before || !after || changedSince(before, after)) return true;
  }
  return false;
}

/** The local side with the server's placement and overrides: what is left of it to merge. */
function withServerPlacement(local: ICAL.Component, server: Map<string, ICAL.Component>): ICAL.Component {
  const adjusted = cloneComponent(local);
  for (const vevent of adjusted.getAllSubcomponents('vevent')) {
    if (componentKey(vevent) !== 'master') adjusted.removeSubcomponent(vevent);
    else for (const name of PLACEMENT) replaceGroup(vevent, server.get('master'), name);
  }
  for (const [key, vevent] of server) if (key !== 'master') adjusted.addSubcomponent(cloneComponent(vevent));
  return adjusted;
}

export function threeWayMerge(baseIcs: string | null, localIcs: string, serverIcs: string): MergeResult {
  const base = baseIcs === null ? null : parseVCalendar(baseIcs);
  const server = parseVCalendar(serverIcs);
  const [b, s] = [byKey(base), byKey(server)];
  const conflicts = new Set<string>();
  let local = parseVCalendar(localIcs);
  const localMaster = byKey(local).get('master');
  const [movedHere, movedThere] = [
    placementChanged(b.get('master'), localMaster),
    placementChanged(b.get('master'), s.get('master')),
  ];
  const placedAnew =
    base !== null &&
    ((movedHere && overridesChanged(b, s)) ||
      (movedThere && overridesChanged(b, byKey(local))) ||
      (movedHere && movedThere && placementChanged(s.get('master'), localMaster)));
  if (placedAnew) {
    local = withServerPlacement(local, s);
    conflicts.add('RECURRENCE-ID');
  }
  const l = byKey(local);
  const result = cloneComponent(server);
  for (const vevent of result.getAllSubcomponents('vevent')) result.removeSubcomponent(vevent);
  let differs = false;
  for (const key of new Set([...s.keys(), ...l.keys()])) {
    const [bc, lc, sc] = [b.get(key), l.get(key), s.get(key)];
    if (lc && sc) {
      const { merged, tookLocal } = mergeComponent(bc, lc, sc, conflicts);
      result.addSubcomponent(merged);
      differs ||= tookLocal;
    } else if (sc) {
      // Gone locally: dropped if the server did not change it since (a local delete), else the edit wins.
      if (changedSince(bc, sc)) result.addSubcomponent(cloneComponent(sc));
      else differs = true;
    } else if (lc && changedSince(bc, lc)) {
      // New locally, or edited locally while the server removed it: the edit wins (rule 4).
      result.addSubcomponent(cloneComponent(lc));
      differs = true;
    }
  }
  const zones = new Set(
    result.getAllSubcomponents('vtimezone').map((zone) => String(zone.getFirstPropertyValue('tzid'))),
  );
  for (const zone of local.getAllSubcomponents('vtimezone')) {
    if (!zones.has(String(zone.getFirstPropertyValue('tzid')))) result.addSubcomponent(cloneComponent(zone));
  }
  return { ics: result.toString(), conflicts: [...conflicts].sort(), differsFromServer: differs };
}
