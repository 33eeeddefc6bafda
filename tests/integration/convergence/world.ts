/**
 * The long-lived part of the convergence run: Radicale and Xandikos, each behind its own fault layer,
 * and one real CORS proxy (loopback allowed, as in every test) in front of both fault layers. Started
 * once per run; a server that stops answering is restarted (rarely needed). Calendars are per case.
 */
import { defaultProxyConfig, startProxyServer, type ProxyServer } from '../../../workers/proxy/index';
import { startFaultLayer, type FaultLayer } from '../../servers/fault-layer';
import { startRadicale } from '../../servers/radicale';
import type { RunningServer } from '../../servers/running-server';
import { seededRandom } from '../../servers/seeded-random';
import { startXandikos } from '../../servers/xandikos';
import type { FaultPlan } from '../../servers/fault-plan';

export type ServerKind = RunningServer['kind'];

export interface Station {
  readonly server: RunningServer;
  readonly faults: FaultLayer;
  /** The current random plan's source: reseeded per case so a case replays from its seed. */
  reseed(seed: number): void;
}

export interface World {
  station(kind: ServerKind): Promise<Station>;
  /** `http://127.0.0.1:<port>/proxy`: the base the engine's proxied fetch uses. */
  readonly proxyBase: string;
  readonly restarts: () => number;
  /** Faults injected so far by the running fault layers, all kinds together. */
  readonly faultsInjected: () => number;
  stop(): Promise<void>;
}

const starters = { radicale: startRadicale, xandikos: startXandikos } as const;

async function startStation(kind: ServerKind): Promise<Station> {
  const server = await starters[kind]();
  let random = seededRandom(1);
  const faults = await startFaultLayer({
    upstream: server.baseUrl,
    random: () => random(),
    plan: { mode: 'none' } satisfies FaultPlan,
  });
  return {
    server,
    faults,
    reseed(seed) {
      random = seededRandom(seed);
    },
  };
}

async function stopStation(station: Station): Promise<void> {
  await station.faults.stop();
  await station.server.stop();
}

async function alive(station: Station): Promise<boolean> {
  try {
    const response = await fetch(`${station.server.baseUrl}/`, { method: 'OPTIONS' });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

export async function startWorld(): Promise<World> {
  const stations = new Map<ServerKind, Station>();
  let restarts = 0;
  for (const kind of ['radicale', 'xandikos'] as const) stations.set(kind, await startStation(kind));
  // Fault layer ports are fixed for the run (a restarted server gets a new fault layer on a new port,
  // so the proxy allows any port on loopback).
  const proxy: ProxyServer = await startProxyServer({
    port: 0,
    config: {
      ...defaultProxyConfig,
      allowedHosts: ['127.0.0.1'],
      allowedPorts: Array.from({ length: 65_535 }, (_, i) => i + 1),
      allowLoopback: true,
      allowMissingOrigin: true,
      upstreamTimeoutMs: 10_000,
      rateLimit: { burst: 1_000_000, perSecond: 1_000_000 },
    },
  });

  return {
    proxyBase: `${proxy.url}/proxy`,
    restarts: () => restarts,
    faultsInjected: () =>
      [...stations.values()]
        .flatMap((station) => Object.values(station.faults.stats().faults))
        .reduce((sum, count) => sum + count, 0),
    async station(kind) {
      const current = stations.get(kind);
      if (current && (await alive(current))) return current;
      if (current) await stopStation(current).catch(() => undefined);
      restarts += 1;
      const fresh = await startStation(kind);
      stations.set(kind, fresh);
      return fresh;
    },
    async stop() {
      await proxy.close();
      await Promise.all([...stations.values()].map(stopStation));
    },
  };
}
