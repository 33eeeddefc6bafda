// The built app's files: the file or its precompressed copy (workers/build/precompress.ts) as the
// client accepts, strong validators, long-lived caching for hashed assets, and the shell for app routes.
// Nothing here compresses or reads a whole file into memory: each answer streams from one open file.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { acceptedCodings } from './accept-encoding.mjs';
import { sendError } from './error-answers.mjs';
import { securityHeaders } from './security-headers.mjs';

/** @type {Readonly<Record<string, string>>} */
const TYPES = {
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
  '.xml': 'application/xml',
};

/** Types the build may have compressed: their answers vary with Accept-Encoding. */
const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.svg', '.txt', '.xml']);

/** Opening these means "no such file": the path names a directory's child of a file, or is too long. */
const NOT_A_FILE = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'EACCES', 'ELOOP']);

/**
 * @typedef {{ handle: import('node:fs/promises').FileHandle, size: number, mtimeMs: number }} OpenFile
 */

/**
 * The regular file at `file` opened for reading, or null. Opened first and measured after, so the
 * size sent is the size of what is read.
 * @param {string} file
 * @returns {Promise<OpenFile | null>}
 */
async function openRegularFile(file) {
  let handle;
  try {
    // Non-blocking, so a FIFO under the build directory cannot hold a thread waiting for a writer.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (error instanceof Error && 'code' in error && NOT_A_FILE.has(String(error.code))) return null;
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (stat.isFile()) return { handle, size: stat.size, mtimeMs: stat.mtimeMs };
  } catch (error) {
    await handle.close();
    throw error;
  }
  await handle.close();
  return null;
}

/**
 * If-None-Match against our one tag (RFC 9110 §13.1.2: weak comparison, `*`, a list).
 * @param {string | undefined} header
 * @param {string} etag
 */
function matches(header, etag) {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * @param {string} root  the build directory, absolute
 */
export function createStaticFiles(root) {
  /**
   * The file a decoded, checked path names (a directory means its index.html), or the shell for an
   * app route (no extension), or null.
   * @param {string} path
   * @returns {Promise<{ file: string, opened: OpenFile } | null>}
   */
  async function find(path) {
    const candidate = resolve(root, `.${path}`);
    // request-target.mjs refused every way out already; this is the second lock on the same door.
    if (candidate !== root && !candidate.startsWith(root + sep)) return null;
    for (const file of [candidate, join(candidate, 'index.html')]) {
      const opened = await openRegularFile(file);
      if (opened) return { file, opened };
    }
    if (extname(path) !== '') return null;
    const shell = join(root, 'index.html');
    const opened = await openRegularFile(shell);
    return opened ? { file: shell, opened } : null;
  }

  /**
   * The best copy of `file` the client accepts: its .br or .gz if the build wrote one, else itself.
   * @param {string} file
   * @param {OpenFile} original
   * @param {string | undefined} acceptEncoding
   */
  async function bestCopy(file, original, acceptEncoding) {
    if (!TEXT.has(extname(file))) return { coding: null, opened: original };
    for (const coding of acceptedCodings(acceptEncoding)) {
      const opened = await openRegularFile(file + coding.suffix);
      if (opened) {
        await original.handle.close();
        return { coding: coding.name, opened };
      }
    }
    return { coding: null, opened: original };
  }

  /**
   * Answers a GET or HEAD for `path` (already read by request-target.mjs).
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string} path
   * @param {Readonly<Record<string, string>>} [security] the security headers (the bridge page's differ)
   */
  async function serve(req, res, path, security = securityHeaders) {
    const found = await find(path);
    if (!found) {
      sendError(res, 404, `Nothing is published at ${path}.`);
      return;
    }
    const { file } = found;
    const { coding, opened } = await bestCopy(file, found.opened, req.headers['accept-encoding']);
    const etag = `"${opened.size.toString(16)}-${Math.floor(opened.mtimeMs).toString(16)}${coding ? `-${coding}` : ''}"`;
    // Hashed assets never change under their name. Everything else (index.html, sw.js, the manifest,
    // the icons) is revalidated on every request, cheaply thanks to the ETag: a new service worker or
    // index is seen at once, and the service worker's precache keeps the app working offline.
    const hashed = file.startsWith(join(root, 'assets') + sep);
    /** @type {Record<string, string>} */
    const headers = {
      ...security,
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
      ...(TEXT.has(extname(file)) ? { Vary: 'Accept-Encoding' } : {}),
      ...(coding ? { 'Content-Encoding': coding } : {}),
    };
    if (matches(req.headers['if-none-match'], etag)) {
      await opened.handle.close();
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': String(opened.size) });
    if (req.method === 'HEAD' || opened.size === 0) {
      await opened.handle.close();
      res.end();
      return;
    }
    // pipeline destroys both sides on a read error or a client that went away, and closes the file.
    pipeline(opened.handle.createReadStream(), res, (error) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        process.stderr.write(`serve: reading ${file} failed: ${error.message}\n`);
      }
    });
  }

  return { serve };
}
