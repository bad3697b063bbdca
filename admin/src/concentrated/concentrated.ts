import { zhT, type Translate } from '../i18n/translate';
/**
 * Concentrated issues (反映比较集中的问题, 000 第四条): letters of one community with similar content,
 * handled together. Pure: unit-tested in test/admin/concentrated.test.ts.
 */
export interface ConcentratedIssue {
  community: string;
  keyWords: string[];
  letterCount: number;
  letterIds: string[];
  firstReceivedOn: string;
  lastReceivedOn: string;
}

/** The roles the server lets read concentrated issues (a department never groups letters, PR2). */
export const READS_CONCENTRATED = ['OFFICE_STAFF', 'LEADER', 'STATION_STAFF', 'MEMBER'];

export const CONCENTRATED_ISSUES = `query ($organizationId: ID!) {
  concentratedIssues(organizationId: $organizationId) { community keyWords letterCount letterIds firstReceivedOn lastReceivedOn }
}`;

/** 灵溪镇渡龙社区 · 4 件 · 2026-02-05 至 2026-08-19 (one day written once). */
export function issueSummary(i: Pick<ConcentratedIssue, 'community' | 'letterCount' | 'firstReceivedOn' | 'lastReceivedOn'>, t: Translate = zhT): string {
  const span = i.firstReceivedOn === i.lastReceivedOn ? i.firstReceivedOn : t('app.concentrated.span', { from: i.firstReceivedOn, to: i.lastReceivedOn });
  return `${i.community} · ${t('app.concentrated.letters', { smart_count: i.letterCount })} · ${span}`;
}

/** The group a letter belongs to, if any. */
export function issueOf(issues: readonly ConcentratedIssue[] | undefined, letterId: string | number): ConcentratedIssue | undefined {
  return issues?.find((i) => i.letterIds.includes(String(letterId)));
}

/** The letters of a group that may be forwarded now (their myActions offer forwardLetter), and the others. */
export function forwardable<L extends { id: string | number; myActions?: Array<{ action: string }> }>(letters: readonly L[]): { ready: L[]; waiting: L[] } {
  const ready = letters.filter((l) => l.myActions?.some((a) => a.action === 'forwardLetter'));
  return { ready, waiting: letters.filter((l) => !ready.includes(l)) };
}

/** What a collective forward did, in one sentence: 已转办 3 件；1 件未转办：CN-…（原因）. */
export function collectiveResult(done: number, failed: Array<{ serialNumber: string; message: string }>, waiting: number, t: Translate = zhT): string {
  const parts = [t('app.concentrated.forwarded', { smart_count: done })];
  if (failed.length) parts.push(t('app.concentrated.failed', { smart_count: failed.length, list: failed.map((f) => t('app.concentrated.failed_item', { serial: f.serialNumber, message: f.message })).join(t('app.concentrated.separator')) }));
  if (waiting) parts.push(t('app.concentrated.waiting', { smart_count: waiting }));
  return parts.join(t('app.concentrated.separator'));
}
