import { describe, expect, it } from 'vitest';
import { createProxiedFetch, proxyUrl } from '../../../workers/sync/proxied-fetch';

interface Sent {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | null;
}

function recorder(answer: () => Response = () => new Response('ok')) {
  const sent: Sent[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    sent.push({
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: request.body === null ? null : await request.text(),
    });
    return answer();
  };
  return { sent, fetchImpl };
}

const TARGET = 'https://dav.example/calendars/ann/work/?x=1&y=a%2Fb';
const PROXY = 'http://127.0.0.1:5173/proxy';

describe('createProxiedFetch (workers/proxy/README.md request format)', () => {
  it('sends the whole target, percent-encoded, in the one url parameter', async () => {
    const { sent, fetchImpl } = recorder();
    await createProxiedFetch(PROXY, fetchImpl)(TARGET);
    const url = new URL(sent[0]?.url ?? '');
    expect(url.origin + url.pathname).toBe(PROXY);
    expect(url.searchParams.getAll('url')).toEqual([TARGET]);
    expect(proxyUrl('/proxy', 'https://a.example/b c')).toBe('/proxy?url=https%3A%2F%2Fa.example%2Fb%20c');
  });

  it('keeps method, headers and body of a DAV request', async () => {
    const { sent, fetchImpl } = recorder();
    const body = '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>';
    await createProxiedFetch(PROXY, fetchImpl)(new URL(TARGET), {
      method: 'PROPFIND',
      headers: { Depth: '1', Authorization: 'Basic YW5uOnNlY3JldA==', 'Content-Type': 'application/xml' },
      body,
    });
    expect(sent[0]).toMatchObject({ method: 'PROPFIND', body });
    expect(sent[0]?.headers.get('depth')).toBe('1');
    expect(sent[0]?.headers.get('authorization')).toBe('Basic YW5uOnNlY3JldA==');
  });

  it('unpacks a Request object, letting init override it', async () => {
    const { sent, fetchImpl } = recorder();
    const request = new Request(TARGET, {
      method: 'PUT',
      headers: { 'If-Match': '"e1"' },
      body: 'BEGIN:VCALENDAR',
    });
    await createProxiedFetch(PROXY, fetchImpl)(request, { headers: { 'If-None-Match': '*' } });
    expect(sent[0]).toMatchObject({ method: 'PUT', body: 'BEGIN:VCALENDAR' });
    expect(sent[0]?.headers.get('if-none-match')).toBe('*');
    expect(new URL(sent[0]?.url ?? '').searchParams.get('url')).toBe(TARGET);
  });

  it('appends to a proxy base that already has a query', async () => {
    const { sent, fetchImpl } = recorder();
    await createProxiedFetch('https://edge.example/proxy?region=eu', fetchImpl)(TARGET);
    const url = new URL(sent[0]?.url ?? '');
    expect(url.searchParams.get('region')).toBe('eu');
    expect(url.searchParams.get('url')).toBe(TARGET);
  });

  it('returns proxy refusals as they are (the transport reads X-Proxy-Error)', async () => {
    const refusal = () =>
      new Response('{"error":"host-not-allowed"}', {
        status: 403,
        headers: { 'X-Proxy-Error': 'host-not-allowed' },
      });
    const { fetchImpl } = recorder(refusal);
    const response = await createProxiedFetch(PROXY, fetchImpl)(TARGET);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-proxy-error')).toBe('host-not-allowed');
  });

  it('refuses relative and non-http targets before sending anything', async () => {
    const { sent, fetchImpl } = recorder();
    const proxied = createProxiedFetch(PROXY, fetchImpl);
    await expect(proxied('/calendars/')).rejects.toThrow(TypeError);
    await expect(proxied('file:///etc/passwd')).rejects.toThrow(/http/);
    expect(sent).toEqual([]);
  });
});
