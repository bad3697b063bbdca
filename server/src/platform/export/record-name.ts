/**
 * How a record is named wherever another record refers to it: in the console's lists (a reference
 * column, a picker) and in the server's exports, so a workbook names 所属政协/人大 as the list does
 * (苍南县政协), never by a raw id. One module for both: the console imports it (no Node imports here).
 */

type Row = Record<string, unknown>;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Glossary words used in link names for a resource of another name (代表 are members, 联络员 station staff). */
const ALIASES: Record<string, string> = { Deputy: 'Member', Deputies: 'Member', LiaisonOfficer: 'StationStaff', Staff: 'StationStaff' };

/**
 * bodyId → Body, leaderMemberId → Member, deputyInChargeId → Member, parentId → the type itself;
 * null when the name does not tell.
 */
export function referenceFor(name: string, self: string, resourceNames: ReadonlySet<string>): string | null {
  const m = name.match(/^(.+?)Ids?$/);
  if (!m) return null;
  const stem = capitalize(m[1]);
  if (stem === 'Parent') return self;
  if (resourceNames.has(stem)) return stem;
  const words = [...resourceNames, ...Object.keys(ALIASES).filter((a) => resourceNames.has(ALIASES[a]))];
  const resolve = (w: string) => (resourceNames.has(w) ? w : ALIASES[w]);
  // the longest word the stem ends with (leaderMember → Member), else starts with (deputyInCharge → Deputy)
  const longest = (ws: string[]) => ws.sort((a, b) => b.length - a.length)[0];
  const end = longest(words.filter((w) => stem.endsWith(w)));
  if (end) return resolve(end);
  const start = longest(words.filter((w) => stem.startsWith(w)));
  return start ? resolve(start) : null;
}

const present = (v: unknown) => v !== null && v !== undefined && v !== '';
/** The first non-empty of `fields`, as text ('' for none). */
const firstOf = (record: Row, ...fields: string[]) => String(fields.map((f) => record[f]).find(present) ?? '');
const joined = (sep: string, ...parts: string[]) => parts.filter(Boolean).join(sep);

/** The words a name is made with: Chinese in exports, the chosen language in the console. */
export interface NameWords {
  /** 2026 → 2026年度 */
  year(year: unknown): string;
  /** 麦浩然, 魏晨阳 → 麦浩然 联系 魏晨阳 */
  paired(from: string, to: string): string;
}
export const CHINESE_NAME_WORDS: NameWords = { year: (year) => `${year}年度`, paired: (from, to) => `${from} 联系 ${to}` };

const yearOf = (r: Row, w: NameWords) => (present(r.year) ? w.year(r.year) : '');
const paired = (w: NameWords, from: string, to: string) => (from && to ? w.paired(from, to) : from || to);

/**
 * Records a name alone does not tell apart (seven receptions of one station, a member paired with
 * many constituents) are named by what differs; '' leaves the record to the generic rule.
 */
export const REPRESENTATIONS: Record<string, (record: Row, words: NameWords) => string> = {
  Reception: (r) => joined(' · ', firstOf(r, 'liaisonStationName', 'topic', 'location'), firstOf(r, 'heldOn')),
  // LEADER_STANDING: a leader and a standing member; COMMITTEE_MEMBER: a committee and a member; MEMBER_CONSTITUENT
  ContactPairing: (r, w) => paired(w, firstOf(r, 'leaderName', 'committeeName', 'memberName'), firstOf(r, 'constituentName') || (present(r.leaderName) || present(r.committeeName) ? firstOf(r, 'memberName') : '')),
  Letter: (r) => joined(' ', firstOf(r, 'serialNumber'), firstOf(r, 'title')),
  Proposal: (r) => joined(' ', firstOf(r, 'serialNumber'), firstOf(r, 'title')),
  // 赵磊（zhaolei）; 麦浩然（演示·委员） · member (no bracket after a bracket)
  Account: (r) => (present(r.displayName) && present(r.username) ? (/[）)]$/.test(String(r.displayName)) ? `${r.displayName} · ${r.username}` : `${r.displayName}（${r.username}）`) : firstOf(r, 'displayName', 'username')),
  ContactVisit: (r) => joined(' · ', firstOf(r, 'memberName'), firstOf(r, 'visitedOn')),
  MailboxOpening: (r) => joined(' · ', firstOf(r, 'openedOn'), firstOf(r, 'openedByMemberName')),
  Attendance: (r) => firstOf(r, 'memberName'),
  DutyRecord: (r, w) => joined(' · ', firstOf(r, 'memberName'), yearOf(r, w)),
  PerformanceScore: (r, w) => joined(' · ', firstOf(r, 'memberName'), yearOf(r, w)),
  CalendarDay: (r) => joined(' · ', firstOf(r, 'date'), firstOf(r, 'name')),
  WorkPlan: (r, w) => joined(' · ', firstOf(r, 'title'), yearOf(r, w)),
  WorkSummary: (r, w) => joined(' · ', firstOf(r, 'title'), yearOf(r, w)),
  AuditEvent: (r) => joined(' · ', firstOf(r, 'occurredAt').slice(0, 10), firstOf(r, 'username')),
};

/** The fields that name a record of a type with these fields: name, title …, then *Name texts, then any text. */
export function representationFields(names: readonly string[], strings: readonly string[]): string[] {
  return [
    ...['name', 'title', 'serialNumber', 'code', 'subject'].filter((n) => names.includes(n)),
    ...strings.filter((n) => /Name$/.test(n)),
    ...strings,
  ].filter((n, i, all) => all.indexOf(n) === i);
}

/** How a record is named: its resource's own rule (REPRESENTATIONS), else the first non-empty representation field, else `#id`. */
export function represent(resource: { name: string; representation: readonly string[] }, record: Row | undefined, words: NameWords = CHINESE_NAME_WORDS): string {
  if (!record) return '';
  const own = REPRESENTATIONS[resource.name]?.(record, words);
  if (own) return own;
  for (const f of resource.representation) {
    const v = record[f];
    if (present(v)) return String(v);
  }
  return `#${record.id}`;
}
