/**
 * The runtime configuration from environment variables (README.md, "Configuration"), for the servers
 * that serve `/config.json`: scripts/serve.mjs (through dist-proxy/runtime-config.js) and the Vite dev
 * and preview plugin. Platform-free: the environment is passed in.
 */
import {
  DEFAULT_GRAPH_BASE_URL,
  DEFAULT_MS_AUTHORITY,
  readRuntimeConfig,
  RuntimeConfigVariable,
  SignInProtocol,
  type RuntimeConfigResult,
} from './runtime-config.ts';

export { REDIRECT_BRIDGE_PATH, remoteOriginsOf, RUNTIME_CONFIG_PATH } from './runtime-config.ts';

type Env = Readonly<Record<string, string | undefined>>;

function setting(env: Env, name: string): string | null {
  const value = env[name]?.trim() ?? '';
  return value === '' ? null : value;
}

/** Reads and validates the configuration; a problem names the variable to fix. */
export function runtimeConfigFromEnv(env: Env): RuntimeConfigResult {
  const known = setting(env, RuntimeConfigVariable.knownAuthorities);
  return readRuntimeConfig({
    microsoft: {
      clientId: setting(env, RuntimeConfigVariable.clientId),
      authority: setting(env, RuntimeConfigVariable.authority) ?? DEFAULT_MS_AUTHORITY,
      knownAuthorities: known === null ? [] : known.split(',').map((host) => host.trim()),
      protocol: (setting(env, RuntimeConfigVariable.protocol) ?? SignInProtocol.aad).toUpperCase(),
      graphBaseUrl: setting(env, RuntimeConfigVariable.graphBaseUrl) ?? DEFAULT_GRAPH_BASE_URL,
    },
  });
}

/** The problem as one line for a server's start-up: what is wrong and which variable to change. */
export function describeRuntimeConfigProblem(result: Extract<RuntimeConfigResult, { ok: false }>): string {
  const { variable, reason } = result.problem;
  return variable === null ? `The runtime configuration is invalid: ${reason}.` : `${variable} ${reason}.`;
}
