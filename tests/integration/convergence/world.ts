/**
 * The long-lived part of the convergence run: Radicale and Xandikos, each behind its own fault layer,
 * and one real CORS proxy (allowed to reach exactly their 127.0.0.1 ports) in front of both fault
 * layers; and the Graph test server (in-process, its faults by its own plan), started on first use.
 * Started once per run; a server that stops answering is restarted (rarely needed).
 * Calendars are per case.
 */
import { defaultProxyConfig, startProxyServer, type ProxyServer } from '../../../workers/proxy/index';
import { startFaultLayer, type FaultLayer } from '../../servers/fault-layer';
import { startRadicale } from '../../servers/radicale';
import type { RunningServer } from '../../servers/running-server';
import { seededRandom } from '../../servers/seeded-random';
import { startXandikos } from '../../servers/xandikos';
import type { FaultKind, FaultPlan } from '../../servers/fault-plan';
import { startGraphServer, type GraphFaultKind, type GraphServer } from '../../servers/graph/index';

export type ServerKind = RunningServer['kind'];

export interface Station {
  readonly server: RunningServer;
  readonly faults: FaultLayer;
  /** The current random plan's source: reseeded per case so a case replays from its seed. */
  reseed(seed: number): void;
}

export interface World {
  station(kind: ServerKind): Promise<Station>;
  /** `http://127.0.0.1:<port>/proxy`: the base the engine's proxied fetch uses (read it per case: a restart moves it). */
  readonly proxyBase: string;
  readonly restarts: () => number;
  /** Faults injected since the world started, all kinds together. */
  readonly faultsInjected: () => number;
  /** Faults injected since the world started, by kind (restarted stations' counts included). */
  readonly faultsByKind: () => Partial<Record<FaultKind, number>>;
  /** The Graph test server (started on first use; its fault plan is `faults.plan`). */
  graph(): Promise<GraphServer>;
  /** Faults the Graph test server injected since it started, by kind. */
  readonly graphFaultsByKind: () => Partial<Record<GraphFaultKind, number>>;
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
  // Counts of fault layers stopped by a restart, so faultsByKind covers the whole run.
  const retired: Partial<Record<FaultKind, number>> = {};
  const addCounts = (sum: Partial<Record<FaultKind, number>>, station: Station) => {
    for (const [kind, count] of Object.entries(station.faults.stats().faults) as [FaultKind, number][])
      sum[kind] = (sum[kind] ?? 0) + count;
    return sum;
  };
  for (const kind of ['radicale', 'xandikos'] as const) stations.set(kind, await startStation(kind));
  // The proxy may reach exactly the stations' fault layers and servers (`127.0.0.1:PORT` entries with
  // private access on). A restarted station listens on new ports, so the proxy restarts with it.
  const startProxy = (): Promise<ProxyServer> =>
    startProxyServer({
      port: 0,
      config: {
        ...defaultProxyConfig,
        allowedHosts: [...stations.values()].flatMap((station) => [
          new URL(station.faults.url).host,
          new URL(station.server.baseUrl).host,
        ]),
        allowPrivate: true,
        allowMissingOrigin: true,
        upstreamTimeoutMs: 10_000,
        rateLimit: { burst: 1_000_000, perSecond: 1_000_000 },
      },
    });
  let proxy = await startProxy();
  let graph: Promise<GraphServer> | null = null;
  let graphStarted: GraphServer | null = null;

  const faultsByKind = () => [...stations.values()].reduce(addCounts, { ...retired });

  return {
    get proxyBase() {
      return `${proxy.url}/proxy`;
    },
    restarts: () => restarts,
    faultsInjected: () => Object.values(faultsByKind()).reduce((sum, count) => sum + count, 0),
    faultsByKind,
    graph() {
      graph ??= startGraphServer().then((server) => {
        graphStarted = server;
        return server;
      });
      return graph;
    },
    graphFaultsByKind: () => graphStarted?.faults.plan.stats().faults ?? {},
    async station(kind) {
      const current = stations.get(kind);
      if (current && (await alive(current))) return current;
      if (current) {
        addCounts(retired, current);
        await stopStation(current).catch(() => undefined);
      }
      restarts += 1;
      const fresh = await startStation(kind);
      stations.set(kind, fresh);
      await proxy.close();
      proxy = await startProxy();
      return fresh;
    },
    async stop() {
      await proxy.close();
      await Promise.all([...stations.values()].map(stopStation));
      await graphStarted?.stop();
    },
  };
}
