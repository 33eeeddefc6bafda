// A small static server for the benchmark: the product build (dist/) at /, with the single-page
// fallback, and the benchmark build (.tmp/bench-dist/) at /bench/. One origin, so the bench page and
// the app share IndexedDB. No Service Worker tricks, no caching headers: every load hits the network.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

function fileIn(root, urlPath) {
  const candidate = normalize(join(root, decodeURIComponent(urlPath)));
  if (candidate !== root && !candidate.startsWith(root + sep)) return null;
  try {
    return statSync(candidate).isFile() ? candidate : null;
  } catch {
    return null;
  }
}

/** Starts the server on 127.0.0.1 and an ephemeral port; resolves to { url, close }. */
export function startStaticServer({ appRoot, benchRoot }) {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let file = path.startsWith('/bench/')
      ? fileIn(benchRoot, path.slice('/bench'.length))
      : fileIn(appRoot, path);
    if (!file && !path.startsWith('/bench/') && extname(path) === '') file = join(appRoot, 'index.html');
    if (!file) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) });
    });
  });
}
