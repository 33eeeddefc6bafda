/** Framing: request smuggling shapes, slow clients, pipelined junk, seeded junk. */
import { seededRandom } from '../../../servers/seeded-random';
import { HostileKind, PROXY_TARGET, requestBytes, type RawCase } from './kinds';

/** Request-smuggling shapes: bodies framed two ways, or carried where no body belongs (CL.0). */
export function smugglingCases(host: string): RawCase[] {
  const inner = `GET /admin HTTP/1.1\r\nHost: ${host}\r\n\r\n`;
  const shapes: readonly { name: string; headers: string[]; body: string }[] = [
    {
      name: 'CL.TE',
      headers: ['Content-Length: 13', 'Transfer-Encoding: chunked'],
      body: '0\r\n\r\nSMUGGLED',
    },
    {
      name: 'TE.CL',
      headers: ['Transfer-Encoding: chunked', 'Content-Length: 3'],
      body: '8\r\nSMUGGLED\r\n0\r\n\r\n',
    },
    {
      name: 'TE.TE obfuscated',
      headers: ['Transfer-Encoding: chunked', 'Transfer-encoding: x'],
      body: '0\r\n\r\n',
    },
    { name: 'TE with tab', headers: ['Transfer-Encoding:\tchunked', 'Content-Length: 4'], body: '0\r\n\r\n' },
    { name: 'CL.0 smuggled request', headers: [`Content-Length: ${inner.length}`], body: inner },
    {
      name: 'GET with chunked body',
      headers: ['Transfer-Encoding: chunked'],
      body: `5\r\nhello\r\n0\r\n\r\n`,
    },
    { name: 'GET with body', headers: ['Content-Length: 5'], body: 'GPOST' },
    {
      name: 'chunk size overflow',
      headers: ['Transfer-Encoding: chunked'],
      body: 'fffffffffffffffffff\r\nx\r\n0\r\n\r\n',
    },
    {
      name: 'chunk size negative',
      headers: ['Transfer-Encoding: chunked'],
      body: '-5\r\nhello\r\n0\r\n\r\n',
    },
    { name: 'chunk size 0x', headers: ['Transfer-Encoding: chunked'], body: '0x5\r\nhello\r\n0\r\n\r\n' },
    { name: 'chunk without CRLF', headers: ['Transfer-Encoding: chunked'], body: '5\r\nhelloXX0\r\n\r\n' },
    {
      name: 'chunk extension huge',
      headers: ['Transfer-Encoding: chunked'],
      body: `5;${'e'.repeat(20_000)}\r\nhello\r\n0\r\n\r\n`,
    },
    { name: 'chunk LF only', headers: ['Transfer-Encoding: chunked'], body: '5\nhello\n0\n\n' },
    { name: 'bad trailer', headers: ['Transfer-Encoding: chunked'], body: '0\r\nBad Trailer\r\n\r\n' },
    { name: 'body longer than CL', headers: ['Content-Length: 2'], body: `ok${inner}` },
    { name: 'CL with leading zeros', headers: ['Content-Length: 0005'], body: 'hello' },
  ];
  return ['/', '/index.html', PROXY_TARGET].flatMap((target) =>
    shapes.map(({ name, headers, body }) => ({
      kind: HostileKind.smuggling,
      name: `${name} on ${target}`,
      chunks: [requestBytes('GET', target, host, headers) + body],
    })),
  );
}

/** Clients that dribble or stall: the server's header and request timeouts answer them (408) or it refuses first. */
export function slowCases(host: string): RawCase[] {
  const dribble = Array.from({ length: 30 }, (_, i) => `X-Slow-${i}: ${i}\r\n`);
  const bodyDribble = Array.from({ length: 30 }, () => 'x');
  const cases: Omit<RawCase, 'kind'>[] = [
    { name: 'slowloris headers', chunks: [`GET / HTTP/1.1\r\nHost: ${host}\r\n`, ...dribble], gapMs: 250 },
    {
      name: 'slowloris on /proxy',
      chunks: [`GET ${PROXY_TARGET} HTTP/1.1\r\nHost: ${host}\r\n`, ...dribble],
      gapMs: 250,
    },
    {
      name: 'request line byte by byte',
      chunks: `GET / HTTP/1.1\r\nHost: ${host}\r\n`.split(''),
      gapMs: 150,
    },
    { name: 'connect and say nothing', chunks: [] },
    { name: 'half a request line, then silence', chunks: ['GET /index.ht'] },
    { name: 'headers never ended', chunks: [`GET / HTTP/1.1\r\nHost: ${host}\r\nX-A: b\r\n`] },
    {
      name: 'slow body on GET',
      chunks: [requestBytes('GET', '/', host, ['Content-Length: 30']), ...bodyDribble],
      gapMs: 200,
    },
    {
      name: 'slow body on POST',
      chunks: [requestBytes('POST', '/index.html', host, ['Content-Length: 30']), ...bodyDribble],
      gapMs: 200,
    },
    {
      name: 'slow chunked body',
      chunks: [
        requestBytes('GET', '/', host, ['Transfer-Encoding: chunked']),
        ...bodyDribble.map(() => '1\r\nx\r\n'),
      ],
      gapMs: 200,
    },
    {
      name: 'slow body on /proxy PUT',
      chunks: [
        requestBytes('PUT', PROXY_TARGET, host, ['Content-Length: 30', `Origin: http://${host}`]),
        ...bodyDribble,
      ],
      gapMs: 200,
    },
    {
      name: 'body promised, never sent, on /proxy',
      chunks: [requestBytes('PUT', PROXY_TARGET, host, ['Content-Length: 100000', `Origin: http://${host}`])],
    },
    { name: 'half-closed mid request line', chunks: ['GET / HT'], halfClose: true },
    { name: 'half-closed mid headers', chunks: [`GET / HTTP/1.1\r\nHost: ${host}\r\nX-A:`], halfClose: true },
    {
      name: 'half-closed mid body',
      chunks: [requestBytes('POST', '/', host, ['Content-Length: 10']) + 'abc'],
      halfClose: true,
    },
  ];
  return cases.map((shape) => ({ kind: HostileKind.slow, ...shape }));
}

/** Junk after valid requests on one connection: the valid ones are answered, in order, then the junk refused. */
export function pipelinedCases(host: string): RawCase[] {
  const valid = requestBytes('GET', '/index.html', host);
  const junk = [
    'JUNK\r\n\r\n',
    'GET /% HTTP/1.1\r\nHost: x\r\n\r\n',
    `GET /..%2f..%2fetc/passwd HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    `CONNECT evil.example:443 HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    `GET http://evil.example/ HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    `FOO / HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    `GET / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    '\x00\x01\x02\x03\r\n\r\n',
    'HTTP/1.1 200 OK\r\n\r\n',
    `DELETE /index.html HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    `GET / HTTP/1.1\r\nHost: evil example\r\n\r\n`,
  ];
  return junk.flatMap((tail) =>
    [1, 2, 3].map((count) => ({
      kind: HostileKind.pipelined,
      name: `${count} valid then ${JSON.stringify(tail.slice(0, 40))}`,
      chunks: [valid.repeat(count) + tail],
      okFirst: count,
      answers: count + 1,
    })),
  );
}

/** Seeded byte junk and shuffled HTTP words, each ended by a blank line so the parser must decide. */
export function junkCases(seed: number, count: number): RawCase[] {
  const random = seededRandom(seed);
  const words = [
    'GET',
    'HTTP/1.1',
    '/',
    'Host:',
    '\r\n',
    ' ',
    ':',
    'Content-Length',
    '0',
    'chunked',
    '%',
    '..',
    '\t',
  ];
  return Array.from({ length: count }, (_, i) => {
    const length = 1 + Math.floor(random() * 600);
    const body =
      i % 2 === 0
        ? Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)))
        : Buffer.from(
            Array.from(
              { length: Math.ceil(length / 8) },
              () => words[Math.floor(random() * words.length)],
            ).join(''),
            'latin1',
          );
    // A leading byte no method starts with, so a chance arrangement can never form a valid request.
    return {
      kind: HostileKind.junk,
      name: `junk #${i} (seed ${seed})`,
      chunks: [Buffer.concat([Buffer.from([0x7e]), body, Buffer.from('\r\n\r\n')])],
    };
  });
}
