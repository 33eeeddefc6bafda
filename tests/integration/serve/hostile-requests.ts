/**
 * What a hostile client sends to `npm start`'s server, assembled from hostile/ (one file per family).
 * Raw cases go over node:net byte for byte; http cases go through node:http's client, which refuses to
 * send much of this, so they cover what a well-formed client can still be made to do.
 */
import { junkCases, pipelinedCases, slowCases, smugglingCases } from './hostile/framing';
import {
  BAD_HOSTS,
  HUGE_SIZES,
  badHostCases,
  hugeHeaderCases,
  nulAndControlCases,
  oddHeaderCases,
} from './hostile/headers';
import { HostileKind, requestBytes, type HttpCase, type RawCase } from './hostile/kinds';
import {
  CONNECT_TARGETS,
  KNOWN_METHODS,
  STATIC_PATHS,
  UNKNOWN_METHODS,
  connectCases,
  methodCases,
  requestLineCases,
} from './hostile/methods';
import {
  badEscapeTargets,
  nonOriginTargets,
  overlongTargets,
  targetFormCases,
  traversalTargets,
} from './hostile/targets';

export { HostileKind, type HttpCase, type RawCase } from './hostile/kinds';

export function rawCases(host: string): RawCase[] {
  const byTarget = (kind: HostileKind, targets: readonly string[]): RawCase[] =>
    targets.map((target) => ({
      kind,
      name: target.slice(0, 80),
      chunks: [requestBytes('GET', target, host)],
    }));
  return [
    ...byTarget(HostileKind.badEscape, badEscapeTargets()),
    ...byTarget(HostileKind.traversal, traversalTargets()),
    ...nulAndControlCases(host),
    ...hugeHeaderCases(host),
    ...oddHeaderCases(host),
    ...badHostCases(host),
    ...methodCases(host),
    ...connectCases(host),
    ...targetFormCases(host),
    ...byTarget(HostileKind.overlongUrl, overlongTargets()),
    ...requestLineCases(host),
    ...smugglingCases(host),
    ...slowCases(host),
    ...pipelinedCases(host),
    ...junkCases(0x5e12e, 300),
  ];
}

/** What node:http's client still lets through: the same targets, methods, headers and bodies. */
export function httpCases(host: string): HttpCase[] {
  const get = (kind: HostileKind, path: string): HttpCase => ({
    kind,
    name: path.slice(0, 80),
    method: 'GET',
    path,
  });
  return [
    ...badEscapeTargets().map((path) => get(HostileKind.badEscape, path)),
    ...traversalTargets().map((path) => get(HostileKind.traversal, path)),
    ...overlongTargets().map((path) => get(HostileKind.overlongUrl, path)),
    ...nonOriginTargets(host)
      .filter((path) => !path.includes('#'))
      .map((path) => get(HostileKind.targetForm, path)),
    // node:http upper-cases the method it sends: lower-case ones go raw only.
    ...UNKNOWN_METHODS.filter((method) => method === method.toUpperCase()).map((method) => ({
      kind: HostileKind.method,
      name: method,
      method,
      path: '/',
    })),
    ...KNOWN_METHODS.flatMap((method) =>
      STATIC_PATHS.map((path) => ({ kind: HostileKind.method, name: `${method} ${path}`, method, path })),
    ),
    ...CONNECT_TARGETS.map((path) => ({
      kind: HostileKind.connect,
      name: `CONNECT ${path}`,
      method: 'CONNECT',
      path,
    })),
    ...HUGE_SIZES.map((size) => ({
      kind: HostileKind.hugeHeaders,
      name: `X-Big ${size}`,
      method: 'GET',
      path: '/',
      headers: { 'X-Big': 'a'.repeat(size) },
    })),
    // node:http sends its own Host in place of an empty one.
    ...BAD_HOSTS.filter((bad) => bad.trim() !== '').map((bad) => ({
      kind: HostileKind.badHost,
      name: `Host ${JSON.stringify(bad)}`,
      method: 'GET',
      path: '/',
      headers: { Host: bad },
    })),
    { kind: HostileKind.badHost, name: 'no Host', method: 'GET', path: '/', setHost: false },
    // node:http frames no body on a GET or HEAD unless told its length.
    ...['/', '/index.html', '/agenda'].flatMap((path) => [
      {
        kind: HostileKind.smuggling,
        name: `GET ${path} with body`,
        method: 'GET',
        path,
        headers: { 'Content-Length': '5' },
        body: 'GPOST',
      },
      {
        kind: HostileKind.smuggling,
        name: `HEAD ${path} with body`,
        method: 'HEAD',
        path,
        headers: { 'Content-Length': '1' },
        body: 'x',
      },
    ]),
    {
      kind: HostileKind.oddHeaders,
      name: 'Expect: foo',
      method: 'GET',
      path: '/',
      headers: { Expect: 'foo' },
    },
  ];
}
