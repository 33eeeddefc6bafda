/**
 * `/config.json` on Vite's dev and preview servers, as scripts/serve.mjs serves it for `npm start`: the
 * runtime configuration read from the environment (src/core/config/runtime-config-env.ts), no-store.
 * A bad value fails the server's start with the variable to fix.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { RUNTIME_CONFIG_PATH } from '../../src/core/config/runtime-config.ts';
import {
  describeRuntimeConfigProblem,
  runtimeConfigFromEnv,
} from '../../src/core/config/runtime-config-env.ts';

function configBody(): string {
  const result = runtimeConfigFromEnv(process.env);
  if (!result.ok) throw new Error(`${describeRuntimeConfigProblem(result)} See README.md, "Configuration".`);
  return JSON.stringify(result.config);
}

function route(body: string) {
  return (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    if (req.url?.split('?')[0] !== RUNTIME_CONFIG_PATH) {
      next();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

export function runtimeConfigRoute(): Plugin {
  return {
    name: 'almanac-runtime-config',
    configureServer(server) {
      server.middlewares.use(route(configBody()));
    },
    configurePreviewServer(server) {
      server.middlewares.use(route(configBody()));
    },
  };
}
