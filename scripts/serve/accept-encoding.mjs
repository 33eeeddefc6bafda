// Which precompressed copy a client takes, from its Accept-Encoding (RFC 9110 §12.5.3): codings with a
// q above 0, highest first, brotli before gzip on a tie; `*` stands for codings not named.

/** The codings the build writes beside each text file (workers/build/precompress.ts), best first. */
export const CODINGS = /** @type {const} */ ([
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
]);

/**
 * @param {string} header
 * @returns {Map<string, number>}
 */
function qualities(header) {
  const found = new Map();
  for (const item of header.split(',')) {
    const [coding = '', ...params] = item.split(';').map((part) => part.trim().toLowerCase());
    if (coding === '') continue;
    let q = 1;
    for (const param of params) {
      const [name = '', value = ''] = param.split('=').map((part) => part.trim());
      if (name !== 'q') continue;
      // A malformed weight reads as "not acceptable": never send what the client may not decode.
      q = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : 0;
    }
    found.set(coding, q);
  }
  return found;
}

/**
 * The codings of CODINGS the client accepts, the one it prefers first (a missing copy falls back to the
 * next, then to the file as it is).
 * @param {string | undefined} header
 */
export function acceptedCodings(header) {
  if (header === undefined || header.trim() === '') return [];
  const q = qualities(header);
  const wildcard = q.get('*') ?? 0;
  return CODINGS.map((coding, rank) => ({ coding, rank, weight: q.get(coding.name) ?? wildcard }))
    .filter(({ weight }) => weight > 0)
    .sort((a, b) => b.weight - a.weight || a.rank - b.rank)
    .map(({ coding }) => coding);
}
