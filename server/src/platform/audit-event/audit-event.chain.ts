import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { registerJobHandler, registerRecurringJob } from '../job/job.service.js';
import { MIN_AUDIT_RETENTION_MONTHS } from './audit-event.maintenance.js';

/**
 * The audit chain (issue 12, audit integrity; SQL in audit-event.chain.sql.ts): every minute a job
 * seals the settled audit rows into a block HMAC-chained onto the previous one. The key stays in the
 * owner's schema; the app role only calls `audit_seal()`. `npm run audit:verify` (cli/audit-verify.ts)
 * recomputes every block as the owner and reports the first broken link.
 */
export const SEAL_AUDIT_JOB = 'audit.seal';
export const SEAL_EVERY_MS = 60_000;

/** Seals the settled, not yet sealed audit rows into one block; returns how many rows it sealed. */
export async function sealAuditChain(em: EntityManager): Promise<number> {
  const [row] = await em.getConnection().execute<Array<{ sealed: number }>>('select audit_seal() as sealed');
  return Number(row.sealed);
}

registerJobHandler(SEAL_AUDIT_JOB, async (em) => void (await sealAuditChain(em)));
registerRecurringJob(SEAL_AUDIT_JOB, SEAL_EVERY_MS);

export type ChainProblem = 'BLOCK_MISSING' | 'LINK_BROKEN' | 'BLOCK_ALTERED' | 'ROWS_FORGED' | 'ROWS_REMOVED' | 'ROWS_ALTERED';

export interface ChainBreak {
  blockNo: number;
  problem: ChainProblem;
  /** the month of occurred_at (YYYY-MM) whose rows differ */
  month?: string;
  sealedRows?: number;
  foundRows?: number;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  blocks: number;
  sealedRows: number;
  /** rows written after the last seal (sealed by the next run) */
  unsealedRows: number;
  lastHash: string | null;
  broken: ChainBreak | null;
}

interface MonthDigest {
  rows: number;
  digest: string;
}

const GENESIS = '0'.repeat(64);

/** A month whose partition the retention dropped (older than the minimum retention): its rows may be gone. */
function droppedByRetention(month: string, partitions: Set<string>, now: Date): boolean {
  const [y, m] = month.split('-').map(Number);
  const end = Date.UTC(y, m, 1);
  const cutoff = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - MIN_AUDIT_RETENTION_MONTHS, 1);
  return end <= cutoff && !partitions.has(`audit_event_${month.replace('-', '')}`);
}

/**
 * Recomputes every sealed block from the rows and its HMAC (with the key, so run as the owner) and
 * stops at the first broken link: a missing block, a wrong link, an altered block record, or rows
 * forged into, removed from or altered in a sealed block.
 */
export async function verifyAuditChain(em: EntityManager, { now = new Date() }: { now?: Date } = {}): Promise<ChainReport> {
  const conn = em.getConnection();
  const [{ key }] = await conn.execute<Array<{ key: Buffer }>>('select key from audit_chain.audit_seal_key where id = 1');
  const blocks = await conn.execute<
    Array<{ block_no: number; tx_from: string; tx_to: string; row_count: number; months_text: string; prev_hash: string; hash: string }>
  >('select block_no, tx_from::text, tx_to::text, row_count, months::text as months_text, prev_hash, hash from audit_chain.audit_seal_block order by block_no');
  const partitions = new Set(
    (
      await conn.execute<Array<{ name: string }>>(
        `select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'audit_event'::regclass`,
      )
    ).map((p) => p.name),
  );
  let prevHash = GENESIS;
  let prevTo = '0';
  let sealedRows = 0;
  const report = (broken: ChainBreak | null, done: number): ChainReport => ({
    ok: !broken,
    blocks: done,
    sealedRows,
    unsealedRows: 0,
    lastHash: done ? prevHash : null,
    broken,
  });
  let result: ChainReport | null = null;
  for (let i = 0; i < blocks.length && !result; i++) {
    const b = blocks[i];
    const no = Number(b.block_no);
    const fail = (problem: ChainProblem, message: string, extra: Partial<ChainBreak> = {}) =>
      (result = report({ blockNo: no, problem, message, ...extra }, i));
    if (no !== i + 1 || b.tx_from !== prevTo) {
      fail('BLOCK_MISSING', `第 ${no} 块之前缺少封存块（应为第 ${i + 1} 块，自事务 ${prevTo} 起）`);
      break;
    }
    if (b.prev_hash !== prevHash) {
      fail('LINK_BROKEN', `第 ${no} 块未链接到上一块的哈希`);
      break;
    }
    const expected = createHmac('sha256', key)
      .update(`${b.prev_hash}|${no}|${b.tx_from}|${b.tx_to}|${b.row_count}|${b.months_text}`, 'utf8')
      .digest('hex');
    if (expected !== b.hash) {
      fail('BLOCK_ALTERED', `第 ${no} 块的记录被改动（HMAC 不符）`);
      break;
    }
    const sealed = JSON.parse(b.months_text) as Record<string, MonthDigest>;
    const [{ months }] = await conn.execute<Array<{ months: string }>>('select audit_chain.block_months(?, ?)::text as months', [b.tx_from, b.tx_to]);
    const found = JSON.parse(months) as Record<string, MonthDigest>;
    for (const month of [...new Set([...Object.keys(sealed), ...Object.keys(found)])].sort()) {
      const s = sealed[month];
      const f = found[month];
      if (s && !f && droppedByRetention(month, partitions, now)) continue;
      const sealedN = s?.rows ?? 0;
      const foundN = f?.rows ?? 0;
      const extra = { month, sealedRows: sealedN, foundRows: foundN };
      if (foundN > sealedN) fail('ROWS_FORGED', `第 ${no} 块 ${month} 月多出 ${foundN - sealedN} 条审计记录（伪造插入）`, extra);
      else if (foundN < sealedN) fail('ROWS_REMOVED', `第 ${no} 块 ${month} 月缺少 ${sealedN - foundN} 条审计记录（被删除）`, extra);
      else if (s.digest !== f.digest) fail('ROWS_ALTERED', `第 ${no} 块 ${month} 月的审计记录被修改`, extra);
      if (result) break;
    }
    if (result) break;
    prevHash = b.hash;
    prevTo = b.tx_to;
    sealedRows += Number(b.row_count);
  }
  const final = result ?? report(null, blocks.length);
  const [{ n }] = await conn.execute<Array<{ n: number }>>('select count(*)::int as n from audit_event where coalesce(tx_id, 0) >= ?', [prevTo]);
  final.unsealedRows = Number(n);
  return final;
}
