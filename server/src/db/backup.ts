/**
 * Online backup and restore of the embedded PostgreSQL (issue 12 item 8), with PostgreSQL's own
 * low-level backup API (docs: "Making a Base Backup Using the Low Level API"): pg_backup_start, a copy
 * of the data directory while the server runs, pg_backup_stop, and the WAL from the start to the stop
 * point. A temporary physical replication slot keeps that WAL in pg_wal until it is copied (as
 * pg_basebackup does). The result is one .tar.gz with a manifest of SHA-256 sums as its last entry.
 *
 * Restored, the directory holds backup_label and the WAL in pg_wal — the layout of `pg_basebackup
 * -X fetch` — so PostgreSQL replays the WAL to the backup's end at its first start and is consistent.
 * The embedded package ships no pg_dump, and Debian's 15 client tools refuse a PostgreSQL 18 server.
 */
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import pg from 'pg';
import tar from 'tar-stream';

export const BACKUP_FORMAT = 'lianluo-embedded-backup';
const MANIFEST = 'manifest.json';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  serverVersion: string;
  startLsn: string;
  stopLsn: string;
  /** path in the archive → { size, sha256 } */
  files: Record<string, { size: number; sha256: string }>;
}

export interface BackupResult {
  file: string;
  sha256: string;
  bytes: number;
  files: number;
  startLsn: string;
  stopLsn: string;
  ms: number;
}

// the docs' list of what a base backup leaves out: runtime state, rebuilt or not needed on restore
const EMPTY_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'backup_label.old', 'tablespace_map', 'tablespace_map.old', 'pg_internal.init']);

function skipped(name: string): boolean {
  return SKIP_FILES.has(name) || name.startsWith('pgsql_tmp') || name.endsWith('.tmp');
}

/** Adds `buffer` as one file entry. */
function addBuffer(pack: tar.Pack, name: string, buffer: Buffer, manifest: BackupManifest): Promise<void> {
  manifest.files[name] = { size: buffer.length, sha256: crypto.createHash('sha256').update(buffer).digest('hex') };
  return new Promise((resolve, reject) => pack.entry({ name, size: buffer.length, mode: 0o600 }, buffer, (e) => (e ? reject(e) : resolve())));
}

/**
 * Adds a file that the running server may be changing: exactly the size it had when listed (the
 * WAL replay repairs torn or later pages), zero-padded if it shrank meanwhile, as pg_basebackup does.
 * A file removed since it was listed (a dropped table) is left out.
 */
async function addLiveFile(pack: tar.Pack, name: string, file: string, manifest: BackupManifest): Promise<void> {
  let handle: fs.promises.FileHandle;
  let size: number;
  try {
    handle = await fs.promises.open(file, 'r');
    size = (await handle.stat()).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const hash = crypto.createHash('sha256');
  try {
    await new Promise<void>((resolve, reject) => {
      const entry = pack.entry({ name, size, mode: 0o600 }, (e) => (e ? reject(e) : resolve()));
      (async () => {
        const chunk = Buffer.alloc(1 << 20);
        let done = 0;
        while (done < size) {
          const want = Math.min(chunk.length, size - done);
          const { bytesRead } = await handle.read(chunk, 0, want, done);
          const part = bytesRead > 0 ? Buffer.from(chunk.subarray(0, bytesRead)) : Buffer.alloc(want);
          hash.update(part);
          done += part.length;
          if (!entry.write(part)) await new Promise((r) => entry.once('drain', r));
        }
        entry.end();
      })().catch(reject);
    });
  } finally {
    await handle.close();
  }
  manifest.files[name] = { size, sha256: hash.digest('hex') };
}

async function addDirectory(pack: tar.Pack, root: string, rel: string, manifest: BackupManifest): Promise<void> {
  const dir = path.join(root, rel);
  let names: fs.Dirent[];
  try {
    names = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  for (const d of names.sort((a, b) => a.name.localeCompare(b.name))) {
    const childRel = rel ? `${rel}/${d.name}` : d.name;
    if (d.isDirectory()) {
      pack.entry({ name: `pg/${childRel}/`, type: 'directory', mode: 0o700 });
      if (!(rel === '' && EMPTY_DIRS.has(d.name))) await addDirectory(pack, root, childRel, manifest);
      // pg_wal keeps its archive_status folder
      else if (d.name === 'pg_wal') pack.entry({ name: 'pg/pg_wal/archive_status/', type: 'directory', mode: 0o700 });
    } else if (d.isFile() && !skipped(d.name)) {
      await addLiveFile(pack, `pg/${childRel}`, path.join(dir, d.name), manifest);
    }
  }
}

/**
 * Takes an online backup of the embedded cluster in `pgDir`, reached as superuser at `url`, into
 * `out` (written aside and renamed when complete). The server keeps serving throughout.
 */
export async function createBackup({ pgDir, url, out }: { pgDir: string; url: string; out: string }): Promise<BackupResult> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const partial = `${out}.partial`;
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    serverVersion: '',
    startLsn: '',
    stopLsn: '',
    files: {},
  };
  let inBackup = false;
  try {
    manifest.serverVersion = (await client.query('show server_version')).rows[0].server_version;
    // keeps every WAL segment from here on in pg_wal until this session ends (pg_basebackup does the same)
    const slot = `lianluo_backup_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
    await client.query('select pg_create_physical_replication_slot($1, true, true)', [slot]);
    const start = await client.query<{ lsn: string; wal: string }>(
      `select lsn::text, pg_walfile_name(lsn) as wal from pg_backup_start($1, true) as lsn`,
      [`lianluo ${manifest.createdAt}`],
    );
    inBackup = true;
    manifest.startLsn = start.rows[0].lsn;

    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    const pack = tar.pack();
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    const sink = fs.createWriteStream(partial, { mode: 0o600 });
    const counter = new Writable({
      write(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        bytes += chunk.length;
        if (!sink.write(chunk)) sink.once('drain', cb);
        else cb();
      },
      final(cb) {
        sink.end(cb);
      },
    });
    const written = pipeline(pack, zlib.createGzip({ level: 6 }), counter);

    await addDirectory(pack, pgDir, '', manifest);
    // waits for nothing: this cluster does not archive WAL; the WAL is collected below
    const stop = await client.query<{ lsn: string; wal: string; labelfile: string; spcmapfile: string }>(
      `select lsn::text, pg_walfile_name(lsn) as wal, labelfile, spcmapfile from pg_backup_stop(false)`,
    );
    inBackup = false;
    const { lsn: stopLsn, wal: stopWal, labelfile, spcmapfile } = stop.rows[0];
    manifest.stopLsn = stopLsn;
    await addBuffer(pack, 'pg/backup_label', Buffer.from(labelfile), manifest);
    if (spcmapfile) await addBuffer(pack, 'pg/tablespace_map', Buffer.from(spcmapfile), manifest);

    // the WAL segments from the start to the stop point (same timeline), and the timeline histories
    const startWal = start.rows[0].wal;
    const walDir = path.join(pgDir, 'pg_wal');
    const wal = fs.readdirSync(walDir).filter((f) => (/^[0-9A-F]{24}$/.test(f) && f.slice(0, 8) === stopWal.slice(0, 8) && f >= startWal && f <= stopWal) || /^[0-9A-F]{8}\.history$/.test(f));
    if (!wal.includes(startWal) || !wal.includes(stopWal)) throw new Error(`[backup] WAL ${startWal}…${stopWal} is not complete in pg_wal`);
    for (const f of wal.sort()) await addBuffer(pack, `pg/pg_wal/${f}`, fs.readFileSync(path.join(walDir, f)), manifest);
    await client.query('select pg_drop_replication_slot($1)', [slot]);

    // the manifest comes last: it holds the sums of everything before it
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: MANIFEST, mode: 0o600 }, JSON.stringify(manifest, null, 1), (e) => (e ? reject(e) : resolve())),
    );
    pack.finalize();
    await written;
    const sha256 = hash.digest('hex');
    fs.renameSync(partial, out);
    fs.writeFileSync(`${out}.sha256`, `${sha256}  ${path.basename(out)}\n`);
    return { file: out, sha256, bytes, files: Object.keys(manifest.files).length, startLsn: manifest.startLsn, stopLsn, ms: Date.now() - started };
  } catch (e) {
    if (inBackup) await client.query('select pg_backup_stop(false)').catch(() => {});
    fs.rmSync(partial, { force: true });
    throw e;
  } finally {
    await client.end();
  }
}

export class RestoreError extends Error {}

/** The names and owner a restored file must have: the archive's paths, never outside the target. */
function safeTarget(root: string, name: string): string {
  const normal = path.posix.normalize(name);
  if (normal.startsWith('/') || normal.startsWith('..') || !normal.startsWith('pg/')) {
    throw new RestoreError(`备份文件含有非法路径 ${JSON.stringify(name)} / the backup holds an unsafe path`);
  }
  return path.join(root, normal);
}

function postgresOwner(): { uid: number; gid: number } | undefined {
  // postgres refuses to run as root; embedded.ts runs it as the `postgres` user then
  if (process.getuid?.() !== 0) return undefined;
  return {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  };
}

function chownTree(dir: string, owner: { uid: number; gid: number }): void {
  fs.chownSync(dir, owner.uid, owner.gid);
  for (const d of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) chownTree(p, owner);
    else fs.chownSync(p, owner.uid, owner.gid);
  }
}

/**
 * Unpacks a backup into `dataDir` (which must be empty or absent) as `dataDir/pg`, checking every
 * file against the manifest; nothing is left behind when a check fails. The first start replays the
 * WAL to the backup's end.
 */
export async function restoreBackup({ file, dataDir }: { file: string; dataDir: string }): Promise<{ files: number; manifest: BackupManifest; ms: number }> {
  const started = Date.now();
  if (!fs.existsSync(file)) throw new RestoreError(`找不到备份文件 ${file} / backup file not found`);
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new RestoreError(`DATA_DIR ${dataDir} 不是空目录，恢复只写入空目录 / DATA_DIR is not empty: restore only into an empty one`);
  }
  const sidecar = `${file}.sha256`;
  if (fs.existsSync(sidecar)) {
    const expected = fs.readFileSync(sidecar, 'utf8').split(/\s+/)[0];
    const actual = crypto.createHash('sha256');
    await pipeline(fs.createReadStream(file), actual);
    if (actual.digest('hex') !== expected) throw new RestoreError(`备份文件的 SHA-256 与 ${path.basename(sidecar)} 不符 / the backup's SHA-256 does not match`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const pgDir = path.join(dataDir, 'pg');
  const seen: Record<string, { size: number; sha256: string }> = {};
  let manifest: BackupManifest | undefined;
  try {
    const extract = tar.extract();
    extract.on('entry', (header, stream: Readable, next) => {
      (async () => {
        if (header.name === MANIFEST) {
          const chunks: Buffer[] = [];
          for await (const c of stream) chunks.push(c as Buffer);
          manifest = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          return;
        }
        const target = safeTarget(dataDir, header.name);
        if (header.type === 'directory') {
          fs.mkdirSync(target, { recursive: true, mode: 0o700 });
          stream.resume();
          return;
        }
        if (header.type !== 'file') throw new RestoreError(`备份文件含有不支持的条目 ${header.name} / unsupported entry`);
        fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
        const hash = crypto.createHash('sha256');
        let size = 0;
        stream.on('data', (c: Buffer) => {
          hash.update(c);
          size += c.length;
        });
        await pipeline(stream, fs.createWriteStream(target, { mode: 0o600 }));
        seen[header.name] = { size, sha256: hash.digest('hex') };
      })().then(() => next(), (e) => next(e));
    });
    await pipeline(fs.createReadStream(file), zlib.createGunzip(), extract);
    if (!manifest || manifest.format !== BACKUP_FORMAT) throw new RestoreError('备份文件缺少清单（manifest.json），不是联络的备份 / not a Lianluo backup: no manifest');
    const listed = Object.keys(manifest.files).sort();
    const bad = listed.filter((n) => seen[n]?.sha256 !== manifest!.files[n].sha256 || seen[n]?.size !== manifest!.files[n].size);
    const extra = Object.keys(seen).filter((n) => !manifest!.files[n]);
    if (bad.length || extra.length) {
      throw new RestoreError(`备份文件校验失败（${[...bad, ...extra].slice(0, 3).join('、')}）/ checksum mismatch in ${bad.length + extra.length} files`);
    }
    fs.chmodSync(pgDir, 0o700);
    const owner = postgresOwner();
    if (owner) chownTree(pgDir, owner);
    return { files: listed.length, manifest, ms: Date.now() - started };
  } catch (e) {
    // leave the directory as empty as it was
    for (const name of fs.readdirSync(dataDir)) fs.rmSync(path.join(dataDir, name), { recursive: true, force: true });
    if (e instanceof RestoreError) throw e;
    throw new RestoreError(`备份文件无法读取：${(e as Error).message} / the backup cannot be read`);
  }
}
