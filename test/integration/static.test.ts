/**
 * The console's files (issue 11 item 6): hashed files under assets/ cached for a year as immutable,
 * index.html revalidated on each load, compressible files sent brotli- or gzip-encoded (the build's
 * `.br`/`.gz` when present, else compressed on the fly), client-side routes answered with index.html.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startTestApp, type TestApp } from '../support/app.js';
import { acceptedEncoding } from '../../server/src/common/console-static.js';

let t: TestApp;
let dir: string;
let origin: string;

const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';
// big enough to be worth compressing; the precompressed copies differ from it on purpose, to show which is sent
const SCRIPT = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `联络-${i}`))};\n`;
const STYLE = `${'.lianluo { color: #123456; }\n'.repeat(100)}`;
const PRECOMPRESSED = `${SCRIPT}// the build's copy\n`;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}
function get(urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // the path as written (new URL() would resolve its `..` segments before sending)
    const { hostname, port } = new URL(origin);
    const req = http.request({ hostname, port, path: urlPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lianluo-console-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
  fs.writeFileSync(path.join(dir, 'assets/index-abc123.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'assets/index-abc123.js.gz'), zlib.gzipSync(PRECOMPRESSED));
  fs.writeFileSync(path.join(dir, 'assets/index-abc123.js.br'), zlib.brotliCompressSync(PRECOMPRESSED));
  fs.writeFileSync(path.join(dir, 'assets/style-def456.css'), STYLE); // no precompressed copies
  fs.writeFileSync(path.join(dir, 'assets/logo-0a1b2c.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  t = await startTestApp({ adminDir: dir });
  origin = new URL(t.url).origin;
});

afterAll(async () => {
  await t?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the console files', () => {
  it('serves hashed assets as immutable for a year and index.html as no-cache', async () => {
    const script = await get('/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(script.headers['content-encoding']).toBeUndefined();
    expect(script.body.toString()).toBe(SCRIPT);

    const png = await get('/assets/logo-0a1b2c.png', { 'accept-encoding': 'gzip' });
    expect(png.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(png.headers['content-encoding']).toBeUndefined();

    for (const p of ['/', '/index.html']) {
      const index = await get(p, { 'accept-encoding': 'gzip, br' });
      expect(index.status).toBe(200);
      expect(index.headers['cache-control']).toBe('no-cache');
      expect(index.headers['content-type']).toMatch(/^text\/html/);
      expect(index.body.toString()).toBe(INDEX); // under 1 kB: sent as it is
      expect(index.headers.etag).toBeTruthy();
    }
  });

  it('answers client-side routes with index.html and unknown assets with 404', async () => {
    const route = await get('/Letter/12/show');
    expect(route.status).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.body.toString()).toBe(INDEX);

    const missing = await get('/assets/index-gone999.js');
    expect(missing.status).toBe(404);
    expect(missing.headers['cache-control'] ?? '').not.toMatch(/immutable/);
    expect(missing.body.toString()).not.toContain('<div id="root">');

    expect((await get('/../../../etc/passwd')).body.toString()).not.toContain('root:');
    expect((await get('/assets/%2e%2e/%2e%2e/package.json')).status).toBe(404);
    expect((await get('/healthz')).body.toString()).toContain('ok');
  });

  it("sends the build's gzip and brotli copies when the browser accepts them", async () => {
    const gz = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(gz.headers['content-length'])).toBe(gz.body.length);
    expect(zlib.gunzipSync(gz.body).toString()).toBe(PRECOMPRESSED);

    const br = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(PRECOMPRESSED);

    const refused = await get('/assets/index-abc123.js', { 'accept-encoding': 'br;q=0, gzip' });
    expect(refused.headers['content-encoding']).toBe('gzip');

    const again = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip', 'if-none-match': gz.headers.etag! });
    expect(again.status).toBe(304);
  });

  it('compresses on the fly a file the build left without copies', async () => {
    const gz = await get('/assets/style-def456.css', { 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^text\/css/);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gz.body.length).toBeLessThan(STYLE.length / 5);
    expect(zlib.gunzipSync(gz.body).toString()).toBe(STYLE);

    const br = await get('/assets/style-def456.css', { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(STYLE);

    const again = await get('/assets/style-def456.css', { 'accept-encoding': 'gzip', 'if-none-match': gz.headers.etag! });
    expect(again.status).toBe(304);
  });

  it('reads Accept-Encoding as HTTP does', () => {
    expect(acceptedEncoding(undefined)).toBeUndefined();
    expect(acceptedEncoding('identity')).toBeUndefined();
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('br;q=0, gzip;q=0.8')).toBe('gzip');
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding('gzip;q=0, br;q=0')).toBeUndefined();
  });
});
