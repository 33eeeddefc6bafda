/**
 * Where the no-change request's time goes: the engine's own PROPFIND body (workers/sync/providers/caldav/
 * bodies.ts) sent from Node straight to Radicale, and the same through the app's proxy and the
 * counting layer, beside the floor's body straight to Radicale. Interleaved, medians of `runs`.
 */
import { propfindTokenBody } from '../../../workers/sync/providers/caldav/bodies';
import { proxyUrl } from '../../../workers/sync/proxied-fetch';
import { basicAuth, bodies } from '../../servers/dav-client';

export interface ProbeInput {
  readonly direct: string;
  readonly counted: string;
  readonly appOrigin: string;
  readonly username: string;
  readonly password: string;
}

export interface ProbeFigures {
  readonly floorBodyDirectMs: number;
  readonly engineBodyDirectMs: number;
  readonly engineBodyProxiedMs: number;
}

async function timedPropfind(url: string, body: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { method: 'PROPFIND', headers: { Depth: '0', ...headers }, body });
  await response.arrayBuffer();
  if (response.status !== 207) throw new Error(`PROPFIND answered ${response.status}`);
  return performance.now() - started;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;

export async function probePropfind(input: ProbeInput, runs = 7): Promise<ProbeFigures> {
  const auth = { Authorization: basicAuth(input), 'Content-Type': 'application/xml; charset=utf-8' };
  const floor: number[] = [];
  const direct: number[] = [];
  const proxied: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    floor.push(await timedPropfind(input.direct, bodies.propfindToken, auth));
    direct.push(await timedPropfind(input.direct, propfindTokenBody, auth));
    proxied.push(
      await timedPropfind(proxyUrl(`${input.appOrigin}/proxy`, input.counted), propfindTokenBody, {
        ...auth,
        Origin: input.appOrigin,
      }),
    );
  }
  return {
    floorBodyDirectMs: median(floor),
    engineBodyDirectMs: median(direct),
    engineBodyProxiedMs: median(proxied),
  };
}
