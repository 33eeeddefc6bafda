/**
 * The configuration Almanac reads at run time, not at build time: one build serves any Microsoft Entra
 * app registration, authority and Graph endpoint. `npm start` (scripts/serve.mjs) and the Vite dev and
 * preview servers serve it as `/config.json` (src/core/config/runtime-config-env.ts builds it from the
 * environment); the page fetches it (src/lib/runtime-config.ts). Both sides validate it here.
 */

/** MSAL's protocol modes that Almanac allows: Entra ID (the default), or a plain OpenID Connect authority. */
export const SignInProtocol = { aad: 'AAD', oidc: 'OIDC' } as const;
export type SignInProtocol = (typeof SignInProtocol)[keyof typeof SignInProtocol];

export const DEFAULT_MS_AUTHORITY = 'https://login.microsoftonline.com/common';
export const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
/** Where the configuration is served (no-store: read afresh on every start). */
export const RUNTIME_CONFIG_PATH = '/config.json';
/**
 * MSAL's redirect-bridge page (docs/sync-rules.md rule 52): the redirect URI registered in Entra. Served
 * without Cross-Origin-Opener-Policy, framable by the app itself, never by the service worker.
 */
export const REDIRECT_BRIDGE_PATH = '/auth/redirect.html';

export interface MicrosoftSignInConfig {
  /** The Entra app registration's Application (client) ID; null when none is configured. */
  readonly clientId: string | null;
  /** An https URL (MSAL refuses any other). */
  readonly authority: string;
  /** Hosts MSAL may trust besides Microsoft's own (a non-Microsoft authority must be listed). */
  readonly knownAuthorities: readonly string[];
  readonly protocol: SignInProtocol;
  /** https, or http on a loopback address (test servers); no trailing slash. */
  readonly graphBaseUrl: string;
}

export interface RuntimeConfig {
  readonly microsoft: MicrosoftSignInConfig;
}

/** Each field with the environment variable that sets it, so a problem names what to change. */
export const RuntimeConfigVariable = {
  clientId: 'ALMANAC_MS_CLIENT_ID',
  authority: 'ALMANAC_MS_AUTHORITY',
  knownAuthorities: 'ALMANAC_MS_KNOWN_AUTHORITIES',
  protocol: 'ALMANAC_MS_PROTOCOL_MODE',
  graphBaseUrl: 'ALMANAC_GRAPH_BASE_URL',
} as const;
export type RuntimeConfigField = keyof typeof RuntimeConfigVariable;

export interface RuntimeConfigProblem {
  readonly kind: 'invalid-runtime-config';
  /** `null`: the document itself is not a configuration object. */
  readonly field: RuntimeConfigField | null;
  readonly variable: (typeof RuntimeConfigVariable)[RuntimeConfigField] | null;
  /** In English, for logs and the server's start-up message. */
  readonly reason: string;
}

export type RuntimeConfigResult =
  | { readonly ok: true; readonly config: RuntimeConfig }
  | { readonly ok: false; readonly problem: RuntimeConfigProblem };

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);
// Entra client ids are GUIDs; other OpenID Connect authorities use any short token-like name.
const CLIENT_ID = /^[A-Za-z0-9._~-]{1,128}$/;
// A host name or IPv4 address with an optional port, as MSAL compares `knownAuthorities`.
const HOST = /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/;

function problem(field: RuntimeConfigField | null, reason: string): RuntimeConfigResult {
  return {
    ok: false,
    problem: {
      kind: 'invalid-runtime-config',
      field,
      variable: field === null ? null : RuntimeConfigVariable[field],
      reason,
    },
  };
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/** Why `text` is not a usable base URL (no query, fragment or credentials), or null when it is. */
function baseUrlProblem(url: URL | null, allowLoopbackHttp: boolean): string | null {
  if (url === null) return 'is not a URL';
  const loopbackHttp = allowLoopbackHttp && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) {
    return allowLoopbackHttp
      ? 'must start with https:// (http:// only on 127.0.0.1 or localhost)'
      : 'must start with https://';
  }
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  if (url.search !== '' || url.hash !== '') return 'must not have a query or fragment';
  return null;
}

function withoutTrailingSlash(url: URL): string {
  return url.href.replace(/\/+$/, '');
}

/** Validates the `/config.json` document (or the environment's candidate) into a typed configuration. */
export function readRuntimeConfig(json: unknown): RuntimeConfigResult {
  if (!isRecord(json) || !isRecord(json['microsoft'])) {
    return problem(null, 'the configuration is not an object with a "microsoft" object');
  }
  const ms = json['microsoft'];

  const clientId = ms['clientId'];
  if (clientId !== null && (typeof clientId !== 'string' || !CLIENT_ID.test(clientId))) {
    return problem('clientId', 'must be the app registration’s Application (client) ID, or null');
  }

  const authorityText = ms['authority'];
  if (typeof authorityText !== 'string') return problem('authority', 'must be a URL');
  const authority = parseUrl(authorityText);
  const authorityProblem = baseUrlProblem(authority, false);
  if (authority === null || authorityProblem !== null) {
    return problem('authority', authorityProblem ?? 'is not a URL');
  }

  const known = ms['knownAuthorities'];
  if (
    !Array.isArray(known) ||
    !known.every((host): host is string => typeof host === 'string' && HOST.test(host))
  ) {
    return problem('knownAuthorities', 'must be a list of host names (host or host:port)');
  }

  const protocol = ms['protocol'];
  if (protocol !== SignInProtocol.aad && protocol !== SignInProtocol.oidc) {
    return problem('protocol', `must be ${SignInProtocol.aad} or ${SignInProtocol.oidc}`);
  }
  if (protocol === SignInProtocol.oidc && !known.includes(authority.host)) {
    return problem(
      'knownAuthorities',
      `must list the authority’s host (${authority.host}) when the protocol is OIDC`,
    );
  }

  const graphText = ms['graphBaseUrl'];
  if (typeof graphText !== 'string') return problem('graphBaseUrl', 'must be a URL');
  const graph = parseUrl(graphText);
  const graphProblem = baseUrlProblem(graph, true);
  if (graph === null || graphProblem !== null) return problem('graphBaseUrl', graphProblem ?? 'is not a URL');

  return {
    ok: true,
    config: {
      microsoft: {
        clientId,
        authority: withoutTrailingSlash(authority),
        knownAuthorities: [...known],
        protocol,
        graphBaseUrl: withoutTrailingSlash(graph),
      },
    },
  };
}

/** The origins the page must reach for sign-in and Graph (the server's Content-Security-Policy adds them). */
export function remoteOriginsOf(config: RuntimeConfig): {
  readonly connect: string[];
  readonly frame: string[];
} {
  const authority = new URL(config.microsoft.authority).origin;
  const known = config.microsoft.knownAuthorities.map((host) => `https://${host}`);
  const graph = new URL(config.microsoft.graphBaseUrl).origin;
  return {
    connect: [...new Set([authority, ...known, graph])],
    // MSAL renews a session in a hidden iframe on the authority when the refresh token is spent.
    frame: [...new Set([authority, ...known])],
  };
}
