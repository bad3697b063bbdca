#!/usr/bin/env node
// The console's download size (issue 11 item 6): what index.html loads before the first screen (its
// scripts, styles and their static imports, gzipped and as served) and everything in admin/dist/assets.
// Usage: node scripts/console-size.mjs [admin/dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'admin/dist');
const gz = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = new Set();
const queue = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
while (queue.length) {
  const file = queue.shift();
  if (initial.has(file)) continue;
  initial.add(file);
  if (!file.endsWith('.js')) continue;
  const code = fs.readFileSync(path.join(dist, file), 'utf8');
  // static imports only (`from"./x.js"`, `import"./x.js"`), not `import("./x.js")`
  for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+\.(?:js|css))["']/g)) queue.push(`assets/${m[1]}`);
}
const all = fs.readdirSync(path.join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`);
const sum = (files) => [...files].reduce((n, f) => n + gz(path.join(dist, f)), 0);
const raw = (files) => [...files].reduce((n, f) => n + fs.statSync(path.join(dist, f)).size, 0);
// as served to a browser that accepts brotli: the build's .br copies (admin/vite.config.ts)
const served = (files) => [...files].reduce((n, f) => n + fs.statSync(path.join(dist, fs.existsSync(path.join(dist, `${f}.br`)) ? `${f}.br` : f)).size, 0);
console.log(`initial: ${initial.size} files, ${kB(raw(initial))} (${kB(sum(initial))} gzipped, ${kB(served(initial))} as served with brotli)`);
console.log(`total:   ${all.length} files, ${kB(raw(all))} (${kB(sum(all))} gzipped, ${kB(served(all))} as served with brotli)`);
if (process.argv.includes('--list')) for (const f of initial) console.log(`  ${f} ${kB(gz(path.join(dist, f)))}`);
