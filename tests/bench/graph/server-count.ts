/**
 * What one client's workload cost the server, from the test server's own counts (`stats()`), taken
 * around the workload alone: clients run one after the other, so the counts are that client's.
 */
import type { GraphServer, RequestStatsSnapshot } from '../../servers/graph/index';

export interface ServerCount {
  /** HTTP requests other than CORS preflights (a `$batch` is one). */
  readonly requests: number;
  /** CORS preflights the browser sent first (`OPTIONS`, no mailbox work). */
  readonly preflights: number;
  /** Requests inside `$batch` requests. */
  readonly batchItems: number;
  readonly byKind: RequestStatsSnapshot['byKind'];
  /** Answers other than 2xx, by status. */
  readonly failures: Readonly<Record<string, number>>;
  readonly maxInFlight: number;
}

export async function counted<T>(graph: GraphServer, work: () => Promise<T>): Promise<[T, ServerCount]> {
  graph.resetStats();
  const value = await work();
  const stats = graph.stats();
  const preflights = stats.byKind.preflight ?? 0;
  const failures = Object.fromEntries(
    Object.entries(stats.byStatus).filter(([status]) => !status.startsWith('2')),
  );
  return [
    value,
    {
      requests: stats.requests - preflights,
      preflights,
      batchItems: Object.values(stats.batchItems).reduce((sum, n) => sum + n, 0),
      byKind: stats.byKind,
      failures,
      maxInFlight: stats.maxInFlight,
    },
  ];
}
