/** Header trouble: control bytes, huge and malformed headers, bad Host. */
import { HostileKind, PROXY_TARGET, requestBytes, type RawCase } from './kinds';

export const CONTROLS = ['\x00', '\x01', '\x07', '\x08', '\x0b', '\x0c', '\x0e', '\x1b', '\x7f'] as const;

export function nulAndControlCases(host: string): RawCase[] {
  const places: readonly ((c: string) => string)[] = [
    (c) => `G${c}ET / HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    (c) => `GET /${c}index.html HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    (c) => `GET /proxy?url=${c} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
    (c) => `GET / HTTP/1.1${c}\r\nHost: ${host}\r\n\r\n`,
    (c) => `GET / HTTP/1.1\r\nHo${c}st: ${host}\r\n\r\n`,
    (c) => `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Note: a${c}b\r\n\r\n`,
    (c) => `GET / HTTP/1.1\r\nHost: ${host}\r\n${c}\r\n\r\n`,
  ];
  const raw = places.flatMap((place, at) =>
    CONTROLS.map((c) => ({
      kind: HostileKind.nulAndControl,
      name: `control ${c.charCodeAt(0)} at place ${at}`,
      chunks: [place(c)],
    })),
  );
  const escaped = ['%00', '%01', '%1f', '%7f', '%0a', '%0d'].flatMap((escape) =>
    ['/', '/index.html', '/assets/x.js', '/proxy/'].map((path) => ({
      kind: HostileKind.nulAndControl,
      name: `escaped ${escape} in ${path}`,
      chunks: [requestBytes('GET', `${path}${escape}`, host)],
    })),
  );
  const inQuery = [
    '/?q=%00',
    '/index.html?%00',
    '/proxy?url=http%3A%2F%2Fx%00.example%2F',
    '/subscribe?url=%00',
  ].map((target) => ({
    kind: HostileKind.nulAndControl,
    name: `NUL in query ${target}`,
    chunks: [requestBytes('GET', target, host)],
  }));
  return [...raw, ...escaped, ...inQuery];
}

export const HUGE_SIZES = [16_500, 20_000, 65_536, 262_144, 1_048_576] as const;

export function hugeHeaderCases(host: string): RawCase[] {
  return HUGE_SIZES.flatMap((size) => [
    { name: 'one value', headers: [`X-Big: ${'a'.repeat(size)}`] },
    { name: 'one name', headers: [`X-${'n'.repeat(size)}: 1`] },
    { name: 'cookie', headers: [`Cookie: ${'k=v; '.repeat(size / 5)}`] },
    {
      name: 'many headers',
      headers: Array.from({ length: Math.ceil(size / 1000) }, (_, i) => `X-${i}: ${'v'.repeat(990)}`),
    },
    { name: 'on /proxy', headers: [`Authorization: Basic ${'A'.repeat(size)}`], target: PROXY_TARGET },
  ]).map(({ name, headers, target }, index) => ({
    kind: HostileKind.hugeHeaders,
    name: `${name} #${index}`,
    chunks: [requestBytes('GET', target ?? '/', host, headers)],
  }));
}

export const ODD_HEADER_LINES = [
  'Host : x',
  ' X-Lead: space',
  'X-Fold: a\r\n b',
  'X-Fold: a\r\n\tb',
  'NoColonHere',
  ': empty-name',
  'X Y: space in name',
  'X(Y): paren',
  'X@Y: at',
  'X\x80Y: high byte in name',
  'X\tY: tab in name',
  'X-A: a\rb',
  'X-A: a\nB',
  'Content-Length: -1',
  'Content-Length: 1e3',
  'Content-Length: 0x10',
  'Content-Length: +5',
  'Content-Length: 5, 6',
  'Content-Length: 5 6',
  'Content-Length: abc',
  'Content-Length: 99999999999999999999999',
  'Content-Length: 5\r\nContent-Length: 6',
  'Content-Length: 0\r\nContent-Length: 0',
  'Transfer-Encoding: xchunked',
  'Transfer-Encoding: chunked, gzip',
  'Transfer-Encoding: gzip',
  'Transfer-Encoding: identity',
  'Transfer-Encoding: chunked\x0b',
  'Transfer-Encoding: chunked\r\nTransfer-Encoding: identity',
  'Transfer-Encoding : chunked',
  'Transfer-Encoding:\x00chunked',
  'Expect: foo',
  'Expect: 100-continuex',
  'Expect: 200-ok',
  'Connection: close\x00',
] as const;

export function oddHeaderCases(host: string): RawCase[] {
  return ['/', '/index.html', PROXY_TARGET].flatMap((target) =>
    ODD_HEADER_LINES.map((line) => ({
      kind: HostileKind.oddHeaders,
      name: `${JSON.stringify(line)} on ${target}`,
      chunks: [requestBytes('GET', target, host, [line])],
    })),
  );
}

export const BAD_HOSTS = [
  '',
  ' ',
  'a b',
  'evil.example@127.0.0.1',
  'x/y',
  'x?y',
  'x#y',
  'x:99999',
  'x:port',
  'x:-1',
  '[::1',
  '::1',
  '<script>',
  "a'b",
  'a"b',
  'a%2eb',
  'caf\xe9.example',
  'host\ttab',
  'a,b',
  'a;b',
  'x:80:80',
  'http://x',
  '\\\\x',
  '*',
] as const;

export function badHostCases(host: string): RawCase[] {
  const values = ['/', '/index.html', PROXY_TARGET].flatMap((target) =>
    BAD_HOSTS.map((bad) => ({
      kind: HostileKind.badHost,
      name: `Host ${JSON.stringify(bad)} on ${target}`,
      chunks: [`GET ${target} HTTP/1.1\r\nHost: ${bad}\r\n\r\n`],
    })),
  );
  const shapes = [
    { name: 'no Host (HTTP/1.1)', chunks: ['GET / HTTP/1.1\r\n\r\n'] },
    { name: 'two Hosts', chunks: [`GET / HTTP/1.1\r\nHost: ${host}\r\nHost: evil.example\r\n\r\n`] },
    { name: 'two Hosts, same', chunks: [`GET / HTTP/1.1\r\nHost: ${host}\r\nHost: ${host}\r\n\r\n`] },
    {
      name: 'two Hosts on /proxy',
      chunks: [`GET ${PROXY_TARGET} HTTP/1.1\r\nHost: ${host}\r\nhost: x\r\n\r\n`],
    },
    { name: 'no Host on /proxy', chunks: [`GET ${PROXY_TARGET} HTTP/1.1\r\n\r\n`] },
  ].map((shape) => ({ kind: HostileKind.badHost, ...shape }));
  return [...values, ...shapes];
}
