/**
 * The `Prefer` header: `odata.maxpagesize=N` (paging), `outlook.timezone="…"` (times in that zone,
 * "Get event"), `outlook.body-content-type="text"`, `IdType="ImmutableId"` ("Obtain immutable
 * identifiers for Outlook resources"). Several preferences may share one header, comma-separated.
 */
export interface Preferences {
  readonly maxPageSize: number | null;
  readonly timeZone: string | null;
  readonly bodyType: 'html' | 'text' | null;
  readonly immutableId: boolean;
}

function tokens(header: string): string[] {
  const found: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    if (char === ',' && !quoted) {
      found.push(current.trim());
      current = '';
    } else current += char;
  }
  found.push(current.trim());
  return found.filter((token) => token !== '');
}

export function parsePrefer(header: string | undefined): Preferences {
  let maxPageSize: number | null = null;
  let timeZone: string | null = null;
  let bodyType: 'html' | 'text' | null = null;
  let immutableId = false;
  for (const token of tokens(header ?? '')) {
    const cut = token.indexOf('=');
    const name = (cut < 0 ? token : token.slice(0, cut)).trim().toLowerCase();
    const value =
      cut < 0
        ? ''
        : token
            .slice(cut + 1)
            .trim()
            .replace(/^"(.*)"$/, '$1');
    if (name === 'odata.maxpagesize' && /^\d+$/.test(value) && Number(value) > 0) maxPageSize = Number(value);
    if (name === 'outlook.timezone' && value !== '') timeZone = value;
    if (name === 'outlook.body-content-type') bodyType = value.toLowerCase() === 'text' ? 'text' : 'html';
    if (name === 'idtype' && value.toLowerCase() === 'immutableid') immutableId = true;
  }
  return { maxPageSize, timeZone, bodyType, immutableId };
}
