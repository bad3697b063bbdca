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

export const CONCENTRATED_ISSUES = `query ($organizationId: ID!) {
  concentratedIssues(organizationId: $organizationId) { community keyWords letterCount letterIds firstReceivedOn lastReceivedOn }
}`;

/** 灵溪镇渡龙社区 · 4 件 · 2026-02-05 至 2026-08-19 (one day written once). */
export function issueSummary(i: Pick<ConcentratedIssue, 'community' | 'letterCount' | 'firstReceivedOn' | 'lastReceivedOn'>): string {
  const span = i.firstReceivedOn === i.lastReceivedOn ? i.firstReceivedOn : `${i.firstReceivedOn} 至 ${i.lastReceivedOn}`;
  return `${i.community} · ${i.letterCount} 件 · ${span}`;
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
export function collectiveResult(done: number, failed: Array<{ serialNumber: string; message: string }>, waiting: number): string {
  const parts = [`已转办 ${done} 件`];
  if (failed.length) parts.push(`${failed.length} 件未能转办：${failed.map((f) => `${f.serialNumber}（${f.message}）`).join('；')}`);
  if (waiting) parts.push(`${waiting} 件尚不能转办（未到转办步骤）`);
  return parts.join('；');
}
