/** Methods Node does not know or a static file never allows, CONNECT, broken request lines. */
import { HostileKind, PROXY_TARGET, requestBytes, type RawCase } from './kinds';

/** Tokens Node's parser does not know as methods (it answers them itself). */
export const UNKNOWN_METHODS = [
  'FOO',
  'get',
  'Get',
  'GETT',
  'G3T',
  'BREW',
  'HELLO',
  'X-GET',
  'PUTT',
  'DELET',
  'JUNK',
  'SPACEJUMP',
  'ATTACK',
  'WHEN',
  'PROPFINDX',
] as const;

/** Methods Node parses that a static file never allows (405). */
export const KNOWN_METHODS = [
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'TRACE',
  'PROPFIND',
  'PROPPATCH',
  'MKCOL',
  'COPY',
  'MOVE',
  'LOCK',
  'UNLOCK',
  'SEARCH',
  'REPORT',
  'MKCALENDAR',
  'PURGE',
  'LINK',
  'UNLINK',
  'SOURCE',
  'ACL',
  'BIND',
  'REBIND',
  'UNBIND',
  'MKACTIVITY',
  'CHECKOUT',
  'MERGE',
  'M-SEARCH',
  'NOTIFY',
  'SUBSCRIBE',
  'UNSUBSCRIBE',
  'QUERY',
] as const;

export const STATIC_PATHS = [
  '/',
  '/index.html',
  '/agenda/week/2026-01-05',
  '/assets/none.js',
  '/sw.js',
] as const;

/** Methods the proxy refuses whatever the target (its method policy). */
export const PROXY_REFUSED_METHODS = ['TRACE', 'CONNECT', 'PURGE', 'LINK', 'BIND'] as const;

export function methodCases(host: string): RawCase[] {
  const unknown = UNKNOWN_METHODS.flatMap((method) =>
    ['/', '/index.html', PROXY_TARGET].map((target) => ({ method, target })),
  );
  const oddTokens = ['\xc4GET', '"GET"', 'GET;', '1GET', '-', 'GET/'].map((method) => ({
    method,
    target: '/',
  }));
  const known = KNOWN_METHODS.flatMap((method) => STATIC_PATHS.map((target) => ({ method, target })));
  const toProxy = PROXY_REFUSED_METHODS.filter((method) => method !== 'CONNECT').map((method) => ({
    method,
    target: PROXY_TARGET,
  }));
  return [...unknown, ...oddTokens, ...known, ...toProxy].map(({ method, target }) => ({
    kind: HostileKind.method,
    name: `${method} ${target}`,
    chunks: [requestBytes(method, target, host, ['Content-Length: 0'])],
  }));
}

export const CONNECT_TARGETS = [
  '127.0.0.1:22',
  'localhost:4173',
  'example.com:443',
  '[::1]:80',
  '10.0.0.1:80',
  '169.254.169.254:80',
  'evil:0',
  '/',
  '*',
  'x',
  'http://x/',
  'a:b:c',
  '/proxy',
] as const;

export function connectCases(host: string): RawCase[] {
  return CONNECT_TARGETS.flatMap((target) => [
    { name: `CONNECT ${target}`, chunks: [`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`] },
    { name: `CONNECT ${target} without Host`, chunks: [`CONNECT ${target} HTTP/1.1\r\n\r\n`] },
    {
      name: `CONNECT ${target} with tunnel bytes`,
      chunks: [
        `CONNECT ${target} HTTP/1.1\r\nHost: ${host}\r\n\r\n\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03`,
      ],
    },
  ]).map((shape) => ({ kind: HostileKind.connect, ...shape }));
}

export function requestLineCases(host: string): RawCase[] {
  const lines = [
    'GET / HTTP/2.0',
    'GET / HTTP/1.2',
    'GET / HTTP/0.9',
    'GET / HTTP/3',
    'GET / HTTP/1',
    'GET / http/1.1',
    'GET / HTTP/1.1 x',
    'GET /',
    'GET / HTTP/1.10',
    'GET / HTTP/01.1',
    'GET / HTTP/1.1\t',
    'GET\t/\tHTTP/1.1',
    ' GET / HTTP/1.1',
    'GET / HTTP/1.1 ',
    'GET / HTTZ/1.1',
    'GET / FTP/1.1',
    '/ HTTP/1.1',
    'GET HTTP/1.1',
    'GET / HTTP/9.9',
    'GET / HTTP/1.1/1.1',
  ];
  const shaped = lines.flatMap((line) => [
    { name: JSON.stringify(line), chunks: [`${line}\r\nHost: ${host}\r\n\r\n`] },
    { name: `${JSON.stringify(line)} without Host`, chunks: [`${line}\r\n\r\n`] },
  ]);
  const preface = {
    name: 'HTTP/2 connection preface',
    chunks: [
      Buffer.concat([
        Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'),
        Buffer.from('000000040000000000', 'hex'),
      ]),
    ],
  };
  const tls = {
    name: 'TLS ClientHello',
    chunks: [Buffer.from('16030100a5010000a10303', 'hex')],
    halfClose: true,
  };
  return [...shaped, preface, tls].map((shape) => ({ kind: HostileKind.requestLine, ...shape }));
}
