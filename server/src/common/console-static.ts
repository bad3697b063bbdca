import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';

/** Hashed build output: its name changes with its content, so a browser may keep it for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The HTML that names the hashed files: revalidated on each load (ETag), so a deploy shows at once. */
export const REVALIDATE = 'no-cache';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
/** Below this, compression saves less than its headers cost. */
const MIN_COMPRESS = 1024;
const CLIENT_ROUTE_EXCLUDED = /^\/(?:graphql|healthz|readyz|export)(?:\/|$)/;

type Encoding = 'br' | 'gzip';

/** The best encoding the request accepts (`Accept-Encoding`, q=0 refuses), brotli first. */
export function acceptedEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name!, qp ? Number(qp.slice(2)) || 0 : 1);
  }
  const weight = (e: string) => q.get(e) ?? (q.get('*') ?? 0);
  if (weight('br') > 0) return 'br';
  if (weight('gzip') > 0) return 'gzip';
  return undefined;
}

function fileOf(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  if (path.relative(root, file).split(path.sep).some((part) => part.startsWith('.'))) return undefined;
  try {
    return fs.statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

function exists(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built console (admin/dist) at `/` (issue 11 item 6): files under `assets/` (hashed names)
 * cached for a year as immutable, everything else (index.html) revalidated; compressible files sent
 * brotli- or gzip-encoded when the browser accepts it, from the `.br`/`.gz` the build writes beside
 * them (admin/vite.config.ts) or else compressed on the fly. Unknown paths outside `assets/` are the
 * console's client-side routes and get index.html; an unknown asset is a 404, never HTML.
 */
export function consoleStatic(adminDir: string): express.RequestHandler {
  const root = path.resolve(adminDir);
  const index = path.join(root, 'index.html');
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const inAssets = req.path.startsWith('/assets/');
    let file = req.path === '/' ? index : fileOf(root, req.path);
    if (!file) {
      if (inAssets || CLIENT_ROUTE_EXCLUDED.test(req.path)) return next();
      file = index; // a client-side route of the console
    }
    const immutable = inAssets && file !== index;
    res.setHeader('Cache-Control', immutable ? IMMUTABLE : REVALIDATE);
    if (!COMPRESSIBLE.test(file)) return sendFile(res, file, next);
    res.setHeader('Vary', 'Accept-Encoding');
    const size = fs.statSync(file).size;
    const encoding = size >= MIN_COMPRESS ? acceptedEncoding(req.headers['accept-encoding']) : undefined;
    if (!encoding) return sendFile(res, file, next);
    res.type(path.extname(file)); // the original's type, not that of `.br`/`.gz`
    res.setHeader('Content-Encoding', encoding);
    const precompressed = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    if (exists(precompressed)) return sendFile(res, precompressed, next);
    // no file from the build: compress this response (fast levels; a build writes the best ones)
    const stat = fs.statSync(file);
    const etag = `W/"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}-${encoding}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', stat.mtime.toUTCString());
    if (req.headers['if-none-match'] === etag) {
      res.status(304).end();
      return;
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const compress =
      encoding === 'br'
        ? zlib.createBrotliCompress({ params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: stat.size } })
        : zlib.createGzip({ level: 6 });
    pipeline(fs.createReadStream(file), compress, res, () => {});
  };
}

function sendFile(res: express.Response, file: string, next: express.NextFunction) {
  // Cache-Control is ours; send() handles ETag, Last-Modified, conditional and HEAD requests
  res.sendFile(file, { cacheControl: false, dotfiles: 'allow' }, (err) => {
    if (err && !res.headersSent) next(err);
  });
}
