import { execFileSync } from 'node:child_process';
import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBuiltApp, type BuiltApp } from './built-app';
import { startServe, type ServeProcess } from '../../servers/serve-process';

/**
 * What each answer of `npm start`'s server carries: the security headers on every status, the
 * build's precompressed copies chosen by Accept-Encoding with their own ETag and length, and a
 * process that survives clients walking away mid-answer.
 */

let app: BuiltApp;
let served: ServeProcess;

beforeAll(async () => {
  app = await makeBuiltApp();
  // A FIFO where a file would be: opening it must not wait for a writer (scripts/serve/static-files.mjs).
  execFileSync('mkfifo', [join(app.root, 'assets', 'fifo-AAAAAAAA.js')]);
  served = await startServe(app.root);
}, 240_000);

afterAll(async () => {
  await served.stop();
  await app.remove();
});

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${served.origin}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The status and headers of the first answer to raw bytes (for what node:http will not send). */
function rawHead(bytes: string): Promise<{ status: number; headers: Map<string, string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(served.port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk: Buffer) => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      if (end === -1) return;
      const [statusLine = '', ...lines] = data.slice(0, end).split('\r\n');
      const headers = new Map(
        lines.map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 1).trim(),
        ]),
      );
      socket.destroy();
      resolve({ status: Number(statusLine.split(' ')[1]), headers });
    });
    socket.on('error', reject);
    socket.write(bytes);
  });
}

const SECURITY_HEADERS = [
  'content-security-policy',
  'x-content-type-options',
  'referrer-policy',
  'permissions-policy',
  'cross-origin-resource-policy',
] as const;

function securityOf(headers: Map<string, string> | IncomingHttpHeaders): Record<string, string | undefined> {
  const read = (name: string) =>
    headers instanceof Map ? headers.get(name) : (headers[name] as string | undefined);
  return Object.fromEntries(SECURITY_HEADERS.map((name) => [name, read(name)]));
}

describe('security headers', () => {
  it('are the same on every answer, whatever its status', async () => {
    const reference = securityOf((await get('/')).headers);
    expect(reference['content-security-policy']).toContain("default-src 'self'");
    expect(reference['x-content-type-options']).toBe('nosniff');
    expect(reference['referrer-policy']).toBe('no-referrer');
    expect(reference['permissions-policy']).toContain('camera=()');
    expect(reference['cross-origin-resource-policy']).toBe('same-origin');

    const etag = String((await get(app.asset.path)).headers.etag);
    const viaHttp = [
      { path: app.asset.path, status: 200 },
      { path: app.asset.path, headers: { 'If-None-Match': etag }, status: 304 },
      { path: '/assets/none-AAAAAAAA.js', status: 404 },
      { path: '/', method: 'POST', status: 405 },
      { path: '/%', status: 400 },
      { path: `/${'a'.repeat(9_000)}`, status: 414 },
      { path: '/', headers: { Expect: 'tea' }, status: 417 },
      // The proxy's own refusal (its kind and status are the proxy's business): our headers are merged in.
      {
        path: `/proxy?url=${encodeURIComponent('http://127.0.0.1:1/')}`,
        status: expect.any(Number) as number,
      },
    ];
    for (const { path, headers, method, status } of viaHttp) {
      const answer = await get(path, headers, method);
      expect({ path, status: answer.status, ...securityOf(answer.headers) }).toEqual({
        path,
        status,
        ...reference,
      });
    }
    const host = `Host: 127.0.0.1:${served.port}`;
    const viaSocket = [
      { bytes: `CONNECT example.com:443 HTTP/1.1\r\n${host}\r\n\r\n`, status: 405 },
      { bytes: `GET / HTTP/1.1\r\n${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, status: 431 },
      { bytes: 'FOO / HTTP/1.1\r\n\r\n', status: 400 },
      { bytes: `GET http://evil.example/ HTTP/1.1\r\n${host}\r\n\r\n`, status: 400 },
    ];
    for (const { bytes, status } of viaSocket) {
      const answer = await rawHead(bytes);
      expect({ status: answer.status, ...securityOf(answer.headers) }).toEqual({ status, ...reference });
    }
  });
});

describe('precompressed copies', () => {
  const decode = (answer: Answer) =>
    answer.headers['content-encoding'] === 'br'
      ? brotliDecompressSync(answer.body)
      : answer.headers['content-encoding'] === 'gzip'
        ? gunzipSync(answer.body)
        : answer.body;

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=0, gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'],
    ['br;q=nonsense, gzip', 'gzip'],
    ['*', 'br'],
    ['*;q=0', undefined],
    ['identity', undefined],
    ['', undefined],
    ['deflate', undefined],
  ])('Accept-Encoding %j gets %s', async (accept, coding) => {
    const answer = await get(app.asset.path, { 'Accept-Encoding': accept });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe(coding);
    expect(answer.headers.vary).toBe('Accept-Encoding');
    expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
    expect(decode(answer)).toEqual(app.asset.body);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('gives each copy its own ETag, and 304 only for the copy the client would get', async () => {
    const br = await get(app.asset.path, { 'Accept-Encoding': 'br' });
    const gzip = await get(app.asset.path, { 'Accept-Encoding': 'gzip' });
    const plain = await get(app.asset.path);
    expect(new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]).size).toBe(3);
    const again = await get(app.asset.path, {
      'Accept-Encoding': 'br',
      'If-None-Match': String(br.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(br.headers.etag);
    expect(again.headers.vary).toBe('Accept-Encoding');
    const other = await get(app.asset.path, {
      'Accept-Encoding': 'gzip',
      'If-None-Match': String(br.headers.etag),
    });
    expect(other.status).toBe(200);
    const listed = await get(app.asset.path, { 'If-None-Match': `"nope", W/${String(plain.headers.etag)}` });
    expect(listed.status).toBe(304);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const got = await get('/', { 'Accept-Encoding': 'br' });
    const head = await get('/', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(got.headers['content-length']);
    expect(head.headers.etag).toBe(got.headers.etag);
    expect(head.headers['cache-control']).toBe('no-cache');
  });

  it('sends binary files as they are, with no Vary', async () => {
    const icon = await get('/pwa-64x64.png', { 'Accept-Encoding': 'br, gzip' });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-encoding']).toBeUndefined();
    expect(icon.headers.vary).toBeUndefined();
    expect(icon.headers['content-type']).toBe('image/png');
  });

  it('never compresses while answering: a file the build left uncompressed goes as it is', async () => {
    await rm(join(app.root, 'sw.js.br'));
    await rm(join(app.root, 'sw.js.gz'));
    const answer = await get('/sw.js', { 'Accept-Encoding': 'br, gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect(answer.headers.vary).toBe('Accept-Encoding');
  });
});

describe('the process', () => {
  it('survives clients that go away mid-answer, and a FIFO where a file should be', async () => {
    const cut = Array.from(
      { length: 20 },
      () =>
        new Promise<number>((resolve, reject) => {
          const socket = connect(served.port, '127.0.0.1');
          let received = 0;
          socket.on('data', (chunk: Buffer) => {
            received += chunk.length;
            socket.destroy();
            resolve(received);
          });
          socket.on('error', reject);
          socket.write(`GET ${app.bigAsset.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
        }),
    );
    const received = await Promise.all(cut);
    expect(received.every((bytes) => bytes > 0 && bytes < app.bigAsset.size)).toBe(true);

    const fifo = await get('/assets/fifo-AAAAAAAA.js');
    expect(fifo.status).toBe(404);

    const whole = await get(app.bigAsset.path);
    expect(whole.body.length).toBe(app.bigAsset.size);
    expect(served.exited()).toBeNull();
    expect(served.stderr()).toBe('');
  });
});
