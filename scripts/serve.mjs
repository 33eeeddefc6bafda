// Serves the built app (dist/) for `npm start`: static files, single-page fallback to index.html,
// long-lived caching for hashed assets and none for index.html / the service worker, a strict
// Content-Security-Policy, and the CORS proxy (workers/proxy, built to dist-proxy/) under /proxy on
// the same origin, so the app reaches CalDAV servers without any cross-origin request.
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
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

// Text is sent compressed (brotli, else gzip): the app's main chunk is ~3x smaller on the wire, which
// is most of a first visit on a phone. Compressed once per file version and kept in memory.
const compressible = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.webmanifest',
  '.svg',
  '.map',
  '.txt',
]);
const compressedCache = new Map();

function compressed(file, etag, acceptEncoding) {
  if (!compressible.has(extname(file))) return null;
  const encoding = /\bbr\b/.test(acceptEncoding) ? 'br' : /\bgzip\b/.test(acceptEncoding) ? 'gzip' : null;
  if (!encoding) return null;
  const key = `${file}|${etag}|${encoding}`;
  let body = compressedCache.get(key);
  if (!body) {
    const raw = readFileSync(file);
    body = encoding === 'br' ? brotliCompressSync(raw) : gzipSync(raw, { level: 9 });
    compressedCache.set(key, body);
  }
  return { encoding, body };
}

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
  // Hashed assets never change under their name. Everything else (index.html, sw.js, the manifest,
  // the icons) is revalidated on every request, cheaply thanks to the ETag: a new service worker or
  // index is seen at once, and the service worker's precache keeps the app working offline.
  const hashed = rel.startsWith(`${sep}assets${sep}`);
  const stat = statSync(file);
  const version = `${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}`;
  const packed = compressed(file, version, String(req.headers['accept-encoding'] ?? ''));
  const etag = packed ? `"${version}-${packed.encoding}"` : `"${version}"`;
  const headers = {
    'Content-Type': types[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    ETag: etag,
    Vary: 'Accept-Encoding',
    ...(packed ? { 'Content-Encoding': packed.encoding, 'Content-Length': packed.body.length } : {}),
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  if (packed) res.end(packed.body);
  else createReadStream(file).pipe(res);
});

server.listen(port, host, () => {
  process.stdout.write(`Almanac is served at http://${host}:${port}/\n`);
});
