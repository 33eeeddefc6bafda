/**
 * The sync worker's `fetch`: every request goes to the CORS proxy as `<base>?url=<target>` (see
 * workers/proxy/README.md) with its method, headers, body and signal unchanged, and the answer comes
 * back untouched. Proxy refusals are answers too (status + `X-Proxy-Error`): the CalDAV transport and
 * discovery tell them from a server's own 403 / 502 by that header.
 */
export function createProxiedFetch(proxyBase: string, fetchImpl: typeof fetch): typeof fetch {
  return async (input, init) => {
    const target = targetUrl(input);
    return fetchImpl(proxyUrl(proxyBase, target), await requestInit(input, init));
  };
}

/** `/proxy?url=…` or `https://proxy.example/proxy?url=…`; the target is percent-encoded whole. */
export function proxyUrl(proxyBase: string, target: string): string {
  const separator = proxyBase.includes('?') ? '&' : '?';
  return `${proxyBase}${separator}url=${encodeURIComponent(target)}`;
}

/** The proxy needs an absolute http(s) URL; anything else is a bug in the caller, not a server answer. */
function targetUrl(input: RequestInfo | URL): string {
  const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TypeError(`Not an absolute URL, cannot be proxied: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`Only http(s) URLs can be proxied: ${url.protocol}`);
  }
  return url.href;
}

/** The init to send: a Request's own method, headers, body and signal, overridden by `init`. */
async function requestInit(input: RequestInfo | URL, init: RequestInit | undefined): Promise<RequestInit> {
  if (typeof input === 'string' || input instanceof URL) return { ...init };
  const hasBody = input.method !== 'GET' && input.method !== 'HEAD';
  return {
    method: input.method,
    headers: input.headers,
    signal: input.signal,
    ...(hasBody ? { body: await input.arrayBuffer() } : {}),
    ...init,
  };
}
