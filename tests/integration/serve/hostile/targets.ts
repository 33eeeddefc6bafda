/** Request targets: bad escapes, ways out of the build directory, non-origin forms, overlong URLs. */
import { HostileKind, PROXY_TARGET, requestBytes, type RawCase } from './kinds';

export const BAD_ESCAPES = [
  '%',
  '%%',
  '%0',
  '%1',
  '%a',
  '%g0',
  '%0g',
  '%zz',
  '%-1',
  '%+1',
  '%%41',
  '%u002e',
  '%u2215',
  '%c0%af',
  '%c0%ae',
  '%e0%80%af',
  '%ed%a0%80',
  '%f8%88%80%80%80',
  '%ff',
  '%fe%ff',
  '%80',
  '%bf',
  '%e2%82',
  '%f0%9f%98',
] as const;

export const ESCAPE_PLACES = [
  '/{}',
  '/{}x',
  '/x{}',
  '/assets/{}.js',
  '/assets/index{}.js',
  '/agenda/week/{}',
  '/proxy{}',
  '/proxy/{}',
  '/proxy?url={}',
  '/?q={}',
  '/subscribe?url=webcal{}',
  '/index.html?v={}',
] as const;

export function badEscapeTargets(): string[] {
  return ESCAPE_PLACES.flatMap((place) => BAD_ESCAPES.map((escape) => place.replace('{}', escape)));
}

export const CLIMBS = [
  '../',
  '..%2f',
  '..%2F',
  '%2e%2e/',
  '%2e%2e%2f',
  '%2E%2E/',
  '.%2e/',
  '%2e./',
  '..%5c',
  '..\\',
  '%2e%2e%5c',
  '..%255c',
  '..%252f',
  '%252e%252e/',
  '..%c0%af',
  '..%c1%9c',
  '%c0%ae%c0%ae/',
  '..%e0%80%af',
  '....//',
  '...//',
  '..;/',
  '.../',
  '..%00/',
  '..%0d/',
  '..%09/',
  './../',
  './/../',
  '%2e/',
  './',
  '..',
] as const;

export const TRAVERSAL_GOALS = [
  'etc/passwd',
  'package.json',
  'dist-proxy/index.js',
  'scripts/serve.mjs',
] as const;
export const TRAVERSAL_FROM = ['/', '/assets/', '/proxy/'] as const;

export function traversalTargets(): string[] {
  return TRAVERSAL_FROM.flatMap((from) =>
    [1, 4].flatMap((depth) =>
      CLIMBS.flatMap((climb) => TRAVERSAL_GOALS.map((goal) => `${from}${climb.repeat(depth)}${goal}`)),
    ),
  );
}

export function nonOriginTargets(host: string): string[] {
  return [
    `http://${host}/`,
    `http://${host}/index.html`,
    'http://evil.example/',
    'https://evil.example/x',
    'HTTP://X/',
    `http://${host}${PROXY_TARGET}`,
    'ftp://x/',
    'file:///etc/passwd',
    'gopher://x:70/',
    'x:y',
    'javascript:alert(1)',
    'http:/x',
    'http:x',
    '*',
    '*/x',
    '**',
    '127.0.0.1:80',
    'evil.example:443',
    'localhost',
    'index.html',
    'assets/x.js',
    '.',
    '..',
    '?x',
    'x/../y',
    '/#frag',
    '/index.html#x',
  ];
}

export function targetFormCases(host: string): RawCase[] {
  return nonOriginTargets(host).flatMap((target) =>
    ['GET', 'HEAD', 'OPTIONS', 'POST'].map((method) => ({
      kind: HostileKind.targetForm,
      name: `${method} ${target}`,
      chunks: [requestBytes(method, target, host, ['Content-Length: 0'])],
      head: method === 'HEAD',
    })),
  );
}

export function overlongTargets(): string[] {
  return [8_193, 9_000, 12_000, 16_000, 16_500, 32_000, 100_000].flatMap((length) => [
    `/${'a'.repeat(length)}`,
    `/assets/${'a'.repeat(length)}.js`,
    `/?q=${'a'.repeat(length)}`,
    `/proxy?url=${'a'.repeat(length)}`,
    `/${'a/'.repeat(Math.ceil(length / 2))}`,
  ]);
}
