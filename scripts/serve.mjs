// Serves the built app (dist/) for `npm start`: static files, single-page fallback to index.html,
// long-lived caching for hashed assets and none for index.html / the service worker, a strict
// Content-Security-Policy, and the CORS proxy (workers/proxy, built to dist-proxy/) under /proxy on
// the same origin, so the app reaches CalDAV servers without any cross-origin request.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.env.ALMANAC_DIST ?? 'dist');
const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? '127.0.0.1';

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

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const csp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // Solid and FullCalendar set inline style attributes.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

function fileFor(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    const stat = statSync(candidate);
    if (stat.isFile()) return candidate;
    if (stat.isDirectory()) {
      const index = join(candidate, 'index.html');
      if (statSync(index).isFile()) return index;
    }
  } catch {
    // Not a file: fall through to the SPA fallback.
  }
  return null;
}

const server = createServer((req, res) => {
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  if (pathname === '/proxy' || pathname.startsWith('/proxy/')) {
    proxy.listener(req, res);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const path = req.url ?? '/';
  let file = fileFor(path);
  // Unknown paths without an extension are app routes (/agenda/week/…): serve the shell.
  if (!file && extname(path.split('?')[0] ?? '') === '') file = join(root, 'index.html');
  if (!file) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const rel = file.slice(root.length);
  const hashed = rel.startsWith(`${sep}assets${sep}`);
  const headers = {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
});

server.listen(port, host, () => {
  process.stdout.write(`Almanac is served at http://${host}:${port}/\n`);
});
