#!/usr/bin/env node
// `npm start` builds only what changed since the last build (issue 11 item 6): the server when its
// sources changed (tsc, incremental), the console when its sources changed (vite). A part is up to
// date when the fingerprint of its inputs (path, size and mtime of each file) equals the one stored
// in its dist folder by the last build of this script and its entry file exists; a fresh clone has
// no dist, so it builds both. `npm run build` still builds everything unconditionally.
//
// Usage: node scripts/build-if-changed.mjs [--force] [--start]
//   --start  then run the server in this process (npm start): one Node start-up less, and on Node 22+
//            V8's compile cache (node_modules/.cache/lianluo-node) makes later starts load faster
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.build-stamp';
const force = process.argv.includes('--force');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

// the dependencies too: npm ci after a change of package-lock.json may change what a build emits
const shared = ['package.json', 'package-lock.json', 'tsconfig.base.json'];
const parts = [
  {
    name: 'server',
    inputs: [...shared, 'server/src', 'server/tsconfig.json', 'server/package.json', 'seeds'],
    dist: 'server/dist',
    entry: 'server/dist/server/src/main.js',
    // incremental: a change to a few files recompiles those, not the whole server
    command: [bin('tsc'), ['-p', 'server', '--incremental', '--tsBuildInfoFile', 'server/dist/.tsbuildinfo']],
  },
  {
    name: 'console',
    inputs: [...shared, 'admin/src', 'admin/index.html', 'admin/vite.config.ts', 'admin/tsconfig.json', 'admin/package.json', 'schema/schema.graphql'],
    dist: 'admin/dist',
    entry: 'admin/dist/index.html',
    command: [bin('vite'), ['build'], { cwd: path.join(root, 'admin') }],
  },
];

function* files(rel) {
  const abs = path.join(root, rel);
  let stat;
  try {
    stat = fs.statSync(abs);
  } catch {
    return; // an optional input that is not there
  }
  if (stat.isFile()) {
    yield [rel, stat];
    return;
  }
  for (const entry of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    yield* files(path.posix.join(rel, entry.name));
  }
}

function fingerprint(inputs) {
  const hash = createHash('sha256');
  for (const input of inputs) for (const [rel, stat] of files(input)) hash.update(`${rel}\0${stat.size}\0${stat.mtimeMs}\n`);
  return hash.digest('hex');
}

function run([cmd, args, options = {}]) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args.join(' ')}: ${signal ?? `exit ${code}`}`))));
  });
}

const started = Date.now();
const builds = parts.map(async (part) => {
  const stampFile = path.join(root, part.dist, STAMP);
  const print = fingerprint(part.inputs);
  const stamped = fs.existsSync(path.join(root, part.entry)) && fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8').trim() : '';
  if (!force && stamped === print) return `${part.name} up to date`;
  const t = Date.now();
  await run(part.command);
  // the fingerprint from before the build: a file edited while it ran makes the next start build again
  fs.writeFileSync(stampFile, `${print}\n`);
  return `${part.name} built in ${((Date.now() - t) / 1000).toFixed(1)} s`;
});
// both at once (tsc is mostly one thread); if one fails, the other still finishes before the exit
const results = await Promise.allSettled(builds);
const failed = results.filter((r) => r.status === 'rejected');
for (const r of results) if (r.status === 'fulfilled') console.log(`[build] ${r.value}`);
for (const r of failed) console.error(`[build] failed: ${r.reason.message}`);
if (failed.length) process.exit(1);
console.log(`[build] checked in ${Date.now() - started} ms`);

if (process.argv.includes('--start')) {
  module.enableCompileCache?.(path.join(root, 'node_modules', '.cache', 'lianluo-node'));
  await import(pathToFileURL(path.join(root, parts[0].entry)).href);
}
