/**
 * Windows time zone names (Outlook, Exchange, Graph: `W. Europe Standard Time`) ⇄ IANA names, from
 * CLDR's windowsZones table as shipped by `windows-iana`. The territory `001` entry is CLDR's
 * preferred zone for each Windows name.
 */
import { findWindows, WINDOWS_TO_IANA_MAP } from 'windows-iana';

let byLowerName: Map<string, string> | null = null;

function table(): Map<string, string> {
  if (byLowerName) return byLowerName;
  const map = new Map<string, string>();
  for (const entry of WINDOWS_TO_IANA_MAP) {
    if (entry.territory === '001') map.set(entry.windowsName.toLowerCase(), entry.iana[0]);
  }
  byLowerName = map;
  return map;
}

/** The IANA zone for a Windows zone name (case-insensitive), or null when it is not one. */
export function windowsZoneToIana(name: string): string | null {
  return table().get(name.trim().toLowerCase()) ?? null;
}

/** How many Windows names the table knows (for tests and diagnostics). */
export function windowsZoneCount(): number {
  return table().size;
}

/**
 * The Windows zone name for an IANA name (CLDR's table, aliases included), for servers that want
 * Windows names (Graph's `dateTimeTimeZone`); null when CLDR maps it to none.
 */
export function ianaToWindowsZone(iana: string): string | null {
  if (iana === 'UTC' || iana === 'Etc/UTC') return 'UTC';
  return findWindows(iana)[0] ?? null;
}
