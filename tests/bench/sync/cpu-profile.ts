import type { CDPSession } from 'playwright-core';

/**
 * Where a workload's CPU time goes on the page: a CDP CPU profile summed by self time per source
 * module. The bench bundle is built unminified, so Rolldown's `//#region <path>` comments map each
 * line of a chunk back to the module it came from (src/core/ical/…, node_modules/dexie/…).
 */
interface ProfileNode {
  readonly id: number;
  readonly children?: readonly number[];
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface CpuSummary {
  /** Sampled time not idle, in ms. */
  readonly busyMs: number;
  readonly idleMs: number;
  /** [module or bucket, ms], largest first. */
  readonly byModule: readonly (readonly [string, number])[];
  /** [our module, ms]: each sample charged to the deepest frame of our own code (src/, workers/) on its
   *  stack, so IndexedDB natives, Dexie and ical.js time land on the module that called them. */
  readonly byOwnCaller: readonly (readonly [string, number])[];
  /** [function @ module, ms], largest first. */
  readonly byFunction: readonly (readonly [string, number])[];
}

type Regions = readonly (readonly [line: number, name: string])[];

function regionsOf(source: string): Regions {
  const regions: [number, string][] = [];
  source.split('\n').forEach((line, index) => {
    // Rolldown marks where each module starts with a `// <path>` line (`//#region` in some versions).
    const match = /^\/\/(?:#region)? (\S+\.(?:ts|tsx|js|mjs|cjs))$/.exec(line);
    if (match?.[1]) regions.push([index, match[1].replace(/^.*node_modules\//, 'node_modules/')]);
  });
  return regions;
}

function regionAt(regions: Regions, line: number): string {
  let found = '(chunk)';
  for (const [start, name] of regions) {
    if (start > line) break;
    found = name;
  }
  return found;
}

function moduleBucket(path: string): string {
  const dep = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return dep?.[1] ? `dep:${dep[1]}` : path;
}

export async function profileWhile<T>(cdp: CDPSession, work: () => Promise<T>): Promise<[T, CpuSummary]> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  const value = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  const sources = new Map<string, Regions>();
  for (const node of profile.nodes) {
    const url = node.callFrame.url;
    if (url.startsWith('http') && !sources.has(url)) {
      sources.set(url, regionsOf(await (await fetch(url)).text()));
    }
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const moduleOf = (node: ProfileNode | undefined): string | null => {
    const regions = node ? sources.get(node.callFrame.url) : undefined;
    return regions && node ? regionAt(regions, node.callFrame.lineNumber) : null;
  };
  const ownCaller = (id: number): string => {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const module = moduleOf(byId.get(at));
      if (module && /^(src|workers|tests)\//.test(module)) return module;
    }
    return '(no own frame)';
  };
  const callers = new Map<string, number>();
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, index) => {
    const ms = (deltas[index + 1] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    const name = frame?.functionName ?? '(unknown)';
    if (name === '(idle)') {
      idle += ms;
      return;
    }
    busy += ms;
    const own = ownCaller(id);
    callers.set(own, (callers.get(own) ?? 0) + ms);
    const inModule = moduleOf(byId.get(id));
    const module = inModule ? moduleBucket(inModule) : name;
    modules.set(module, (modules.get(module) ?? 0) + ms);
    const key = `${name || '(anonymous)'} @ ${module}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n) as (readonly [string, number])[];
  return [
    value,
    {
      busyMs: busy,
      idleMs: idle,
      byModule: top(modules, 15),
      byOwnCaller: top(callers, 12),
      byFunction: top(functions, 15),
    },
  ];
}
