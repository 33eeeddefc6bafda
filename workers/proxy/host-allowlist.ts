/**
 * Which host names the proxy forwards to: an exact name (`caldav.fastmail.com`) or a wildcard
 * (`*.icloud.com`, which matches `p01-caldav.icloud.com` but not `icloud.com` itself nor
 * `icloud.com.evil.example`). Names compare lower-case and without a trailing dot.
 */
export type HostAllowlist = readonly string[];

export function normaliseHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

export function isHostAllowed(host: string, allowlist: HostAllowlist): boolean {
  const name = normaliseHost(host);
  return allowlist.some((entry) => {
    const pattern = normaliseHost(entry.trim());
    if (pattern.startsWith('*.')) {
      const suffix = pattern.slice(1); // ".icloud.com"
      return name.endsWith(suffix) && name.length > suffix.length;
    }
    return name === pattern;
  });
}

/** Names that reach cloud metadata services whatever the allowlist says. */
const metadataHosts = new Set([
  'metadata.google.internal',
  'metadata',
  'instance-data',
  'metadata.azure.com',
]);

export function isMetadataHost(host: string): boolean {
  return metadataHosts.has(normaliseHost(host));
}
