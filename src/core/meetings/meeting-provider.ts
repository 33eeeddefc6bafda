/**
 * The online-meeting services whose links are recognised in an event's text (LOCATION, URL,
 * DESCRIPTION), by host. A link there counts as a meeting only on one of these hosts and with a path
 * (a service's home page is not a meeting); a CONFERENCE property is a meeting link whatever its host.
 */
export const MeetingProvider = {
  teams: 'teams',
  zoom: 'zoom',
  meet: 'meet',
  jitsi: 'jitsi',
  webex: 'webex',
  /** A CONFERENCE link on another host. */
  other: 'other',
} as const;
export type MeetingProvider = (typeof MeetingProvider)[keyof typeof MeetingProvider];

/** Hosts (the host itself or any subdomain of it) per service. */
const HOSTS: readonly (readonly [string, MeetingProvider])[] = [
  ['teams.microsoft.com', MeetingProvider.teams],
  ['teams.live.com', MeetingProvider.teams],
  ['teams.microsoft.us', MeetingProvider.teams],
  ['zoom.us', MeetingProvider.zoom],
  ['zoom.com', MeetingProvider.zoom],
  ['zoomgov.com', MeetingProvider.zoom],
  ['meet.google.com', MeetingProvider.meet],
  ['meet.jit.si', MeetingProvider.jitsi],
  ['8x8.vc', MeetingProvider.jitsi],
  ['webex.com', MeetingProvider.webex],
];

const onHost = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

/** The service a URL belongs to, or null when its host is none of the known ones. */
export function providerOfUrl(url: URL): MeetingProvider | null {
  const host = url.hostname.toLowerCase();
  for (const [domain, provider] of HOSTS) if (onHost(host, domain)) return provider;
  // Self-hosted Jitsi Meet is conventionally served from a jitsi.* host.
  if (host.startsWith('jitsi.')) return MeetingProvider.jitsi;
  return null;
}
