/**
 * The page's `fetch` for calendar feeds: every request goes through the app's own CORS proxy
 * (`/proxy?url=…`, workers/proxy/README.md), which checks the target and passes ETag / 304 through.
 */
export const PROXY_PATH = '/proxy';

export const feedFetch: typeof fetch = (input, init) => {
  const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  return fetch(`${PROXY_PATH}?url=${encodeURIComponent(target)}`, { ...init, credentials: 'omit' });
};
