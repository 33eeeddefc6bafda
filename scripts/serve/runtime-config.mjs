// The runtime configuration (README.md, "Configuration"): read from the environment once at start,
// validated by src/core/config (built into dist-proxy/runtime-config.js), served as /config.json with
// no-store, and the origins it names added to the Content-Security-Policy (security-headers.mjs).
// A bad value stops the server at once with the variable to fix, rather than an app that fails later.
import {
  describeRuntimeConfigProblem,
  REDIRECT_BRIDGE_PATH,
  remoteOriginsOf,
  RUNTIME_CONFIG_PATH,
  runtimeConfigFromEnv,
} from '../../dist-proxy/runtime-config.js';

const result = runtimeConfigFromEnv(process.env);
if (!result.ok) {
  process.stderr.write(`${describeRuntimeConfigProblem(result)} See README.md, "Configuration".\n`);
  process.exit(1);
}

export { REDIRECT_BRIDGE_PATH, RUNTIME_CONFIG_PATH };

/** The origins sign-in and Graph need: `connect` (fetch) and `frame` (MSAL's silent renewal). */
export const remoteOrigins = remoteOriginsOf(result.config);

/** The body of /config.json. */
export const runtimeConfigJson = JSON.stringify(result.config);
