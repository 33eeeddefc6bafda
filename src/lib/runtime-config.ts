/**
 * The runtime configuration on the page: `/config.json` as `npm start` or Vite serves it, fetched once
 * per page and validated (src/core/config/runtime-config.ts). The last good copy is kept in
 * localStorage, so a page opened offline can still renew tokens for a signed-in account.
 */
import {
  readRuntimeConfig,
  RUNTIME_CONFIG_PATH,
  type RuntimeConfig,
  type RuntimeConfigProblem,
} from '../core/config/runtime-config';

export type RuntimeConfigState =
  | { readonly kind: 'ready'; readonly config: RuntimeConfig }
  /** The server's configuration is invalid (its start-up would normally have said so). */
  | { readonly kind: 'invalid'; readonly problem: RuntimeConfigProblem }
  /** Not reachable and no copy kept (offline on a first visit). */
  | { readonly kind: 'unavailable' };

const STORAGE_KEY = 'almanac.runtime-config';

function keptCopy(): RuntimeConfigState {
  try {
    const kept = localStorage.getItem(STORAGE_KEY);
    if (kept === null) return { kind: 'unavailable' };
    const result = readRuntimeConfig(JSON.parse(kept));
    return result.ok ? { kind: 'ready', config: result.config } : { kind: 'unavailable' };
  } catch {
    return { kind: 'unavailable' };
  }
}

async function fetchConfig(): Promise<RuntimeConfigState> {
  let json: unknown;
  try {
    const response = await fetch(RUNTIME_CONFIG_PATH, { cache: 'no-store' });
    if (!response.ok) return keptCopy();
    json = await response.json();
  } catch {
    return keptCopy();
  }
  const result = readRuntimeConfig(json);
  if (!result.ok) return { kind: 'invalid', problem: result.problem };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(result.config));
  } catch {
    // Storage full or blocked: this page still has the configuration.
  }
  return { kind: 'ready', config: result.config };
}

let loading: Promise<RuntimeConfigState> | null = null;

/** The configuration, fetched on first use; a failed fetch is tried again on the next call. */
export function loadRuntimeConfig(): Promise<RuntimeConfigState> {
  loading ??= fetchConfig().then((state) => {
    if (state.kind !== 'ready') loading = null;
    return state;
  });
  return loading;
}
