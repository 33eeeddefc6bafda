// Serves the built app (dist/) for `npm start`: static files and their build-time brotli/gzip copies,
// single-page fallback to index.html, long-lived caching for hashed assets and none for index.html /
// the service worker, a strict Content-Security-Policy and the other security headers on every answer,
// and the CORS proxy (workers/proxy, built to dist-proxy/) under /proxy on the same origin, so the app
// reaches CalDAV servers without any cross-origin request; /config.json, the runtime configuration
// (scripts/serve/runtime-config.mjs), MSAL's redirect-bridge page without COOP, and the mail bridge
// (workers/mail-bridge, built beside the proxy) under /mail-bridge, idle until an account uses it. Malformed requests
// get a 4xx and the process goes on serving (scripts/serve/, tests/integration/serve/).
import { access } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { guardConnections } from './serve/connection-guards.mjs';
import { sendError } from './serve/error-answers.mjs';
import { hasBody, hostProblem } from './serve/request-checks.mjs';
import { readTarget } from './serve/request-target.mjs';
import { REDIRECT_BRIDGE_PATH, RUNTIME_CONFIG_PATH, runtimeConfigJson } from './serve/runtime-config.mjs';
import { bridgeHeaders, securityHeaders } from './serve/security-headers.mjs';
import { createStaticFiles } from './serve/static-files.mjs';

const root = resolve(process.env.ALMANAC_DIST ?? 'dist');
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';
// Slow clients: the headers must be in within this (slowloris), the whole request within the other.
const headersTimeout = Number(process.env.ALMANAC_SERVE_HEADERS_TIMEOUT_MS ?? 20_000);
const requestTimeout = Number(process.env.ALMANAC_SERVE_REQUEST_TIMEOUT_MS ?? 120_000);

const { createProxyListener, proxySettingsFromEnv, jsonLineLogger } = await import('../dist-proxy/index.js');
const proxySettings = proxySettingsFromEnv(process.env);
const ownOrigins = [`http://${host}:${port}`, `http://localhost:${port}`, `http://127.0.0.1:${port}`];
const proxy = createProxyListener({
  config: {
    ...proxySettings.config,
    allowedOrigins: [...new Set([...proxySettings.config.allowedOrigins, ...ownOrigins])],
  },
  deps: { logger: jsonLineLogger((line) => process.stdout.write(line)) },
});

const { createMailBridgeListener, mailBridgePath, mailBridgeSettingsFromEnv } =
  await import('../dist-proxy/mail-bridge.js');
const mailBridgeSettings = mailBridgeSettingsFromEnv(process.env);
const mailBridge = createMailBridgeListener({
  config: {
    ...mailBridgeSettings.config,
    allowedOrigins: [...new Set([...mailBridgeSettings.config.allowedOrigins, ...ownOrigins])],
  },
  deps: { logger: jsonLineLogger((line) => process.stdout.write(line)) },
});

const files = createStaticFiles(root);

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function handle(req, res) {
  for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
  // Node's parser lets "HTTP/2.0" through in a request line: an HTTP/2 client never sends one.
  if (req.httpVersionMajor !== 1) {
    sendError(res, 400, 'Only HTTP/1.0 and HTTP/1.1 are spoken here.', { close: true });
    return;
  }
  const target = readTarget(req.url ?? '');
  if (!target.ok) {
    sendError(res, target.status, target.message, { close: true });
    return;
  }
  const badHost = hostProblem(req);
  if (badHost) {
    sendError(res, 400, badHost, { close: true });
    return;
  }
  if (target.rawPath === '/proxy' || target.rawPath.startsWith('/proxy/')) {
    // The proxy writes its own status and headers; the security headers set above are merged in.
    proxy.listener(req, res);
    return;
  }
  if (target.rawPath === mailBridgePath || target.rawPath.startsWith(`${mailBridgePath}/`)) {
    // The bridge writes its own status and headers (JSON, message sources, push streams).
    mailBridge.listener(req, res);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, `${req.method ?? 'This method'} is not allowed here.`, {
      close: hasBody(req),
      headers: { Allow: 'GET, HEAD' },
    });
    return;
  }
  if (hasBody(req)) {
    sendError(res, 400, `A ${req.method} carries no body.`, { close: true });
    return;
  }
  if (target.path === RUNTIME_CONFIG_PATH) {
    // Read afresh at every start of the app: never cached, so a changed variable applies at once.
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      'Content-Length': String(Buffer.byteLength(runtimeConfigJson)),
    });
    res.end(req.method === 'HEAD' ? undefined : runtimeConfigJson);
    return;
  }
  const bridge = target.path === REDIRECT_BRIDGE_PATH;
  if (bridge) {
    for (const name of Object.keys(securityHeaders)) res.removeHeader(name);
    for (const [name, value] of Object.entries(bridgeHeaders)) res.setHeader(name, value);
  }
  files
    .serve(req, res, target.path, bridge ? bridgeHeaders : securityHeaders)
    .catch((/** @type {unknown} */ error) => {
      process.stderr.write(`serve: ${req.method} ${target.rawPath} failed: ${String(error)}\n`);
      if (!res.headersSent) sendError(res, 500, 'The file could not be read.', { close: true });
      else res.destroy();
    });
}

// No build, no app: say so at once rather than answer every request with a 404.
try {
  await access(join(root, 'index.html'));
} catch {
  process.stderr.write(
    `There is no build in ${root} (index.html is missing): run \`npm run build\` first.\n`,
  );
  process.exit(1);
}

const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval: 1_000 }, handle);
guardConnections(server);

server.listen(port, host, () => {
  process.stdout.write(`Almanac is served at http://${host}:${port}/\n`);
});
