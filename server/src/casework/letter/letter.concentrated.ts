import { words } from '../../common/segment.js';

/**
 * 反映比较集中的问题 (000 §4): letters about the same matter from the same community are handled
 * collectively by the group. Pure: letters in, groups out.
 *
 * Letters are bucketed by community; within a community two letters are about the same matter when
 * the Jaccard similarity of their word sets (title and content cut by Intl.Segmenter, without
 * function words, generic petition words and the community's own name) reaches `minSimilarity`;
 * a group is a connected set of such letters with at least `minLetters` members.
 */

export const DEFAULT_MIN_LETTERS = 3;
export const DEFAULT_MIN_SIMILARITY = 0.2;
export const MAX_KEY_WORDS = 5;

/** Function words and the words every petition uses: they say nothing about the matter. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 地 得 了 着 过 在 是 和 与 及 或 也 都 就 又 还 很 太 更 最 不 没 没有 有 无 人 我 我们 你 你们 他 她 它 他们 ' +
    '这 那 这个 那个 这些 那些 这里 那里 一个 个 些 一些 上 下 里 中 内 外 等 对 把 被 让 给 向 从 到 为 于 以 ' +
    '因为 所以 但是 但 而 并 且 如果 虽然 要 会 能 能否 可以 可否 是否 请 请求 希望 建议 要求 反映 问题 情况 ' +
    '解决 处理 尽快 及时 相关 有关 部门 单位 一下 已经 已 多 月 天 年 日 目前 现在 非常 特别 十分 严重 居民 ' +
    '群众 大家 影响 我们的 大家的 吗 呢 吧 啊 呀 哦 啦 该 其 此 之 所 者'
  ).split(' '),
);

export interface IssueLetter {
  id: number;
  community?: string | null;
  title: string;
  content: string;
  receivedOn: string;
}

export interface IssueGroup {
  community: string;
  /** Ascending. */
  letterIds: number[];
  /** The words most letters of the group share, most shared first. */
  keyWords: string[];
  firstReceivedOn: string;
  lastReceivedOn: string;
}

/** A community as written on letters, spaces dropped; null when there is none. */
export function normalizeCommunity(community: string | null | undefined): string | null {
  const c = (community ?? '').replace(/[\s\u3000]+/g, '');
  return c || null;
}

/** The words that say what a text is about. */
export function contentWords(text: string, exclude: ReadonlySet<string> = new Set()): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    if (STOP_WORDS.has(w) || exclude.has(w)) continue;
    // numbers (house numbers, dates) and single Latin letters do not name a matter
    if (/^[\d.]+$/.test(w) || /^[a-z]$/.test(w)) continue;
    out.add(w);
  }
  return out;
}

/** |A ∩ B| / |A ∪ B|; 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (!a.size && !b.size) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

/**
 * Key words: in at least two letters and at least half of the group; most shared first, words of
 * several characters before single characters (the segmenter's cuts of unknown words), then first seen.
 */
function keyWordsOf(sets: Array<Set<string>>, max: number): string[] {
  const count = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  let order = 0;
  for (const set of sets) {
    for (const w of set) {
      count.set(w, (count.get(w) ?? 0) + 1);
      if (!firstSeen.has(w)) firstSeen.set(w, order++);
    }
  }
  const need = Math.max(2, Math.ceil(sets.length / 2));
  return [...count.entries()]
    .filter(([, n]) => n >= need)
    .sort((a, b) => b[1] - a[1] || Number(a[0].length === 1) - Number(b[0].length === 1) || firstSeen.get(a[0])! - firstSeen.get(b[0])!)
    .slice(0, max)
    .map(([w]) => w);
}

const byPinyin = new Intl.Collator('zh');

export function groupConcentratedIssues(
  letters: readonly IssueLetter[],
  { minLetters = DEFAULT_MIN_LETTERS, minSimilarity = DEFAULT_MIN_SIMILARITY, maxKeyWords = MAX_KEY_WORDS } = {},
): IssueGroup[] {
  const byCommunity = new Map<string, IssueLetter[]>();
  for (const l of letters) {
    const c = normalizeCommunity(l.community);
    if (!c) continue;
    const list = byCommunity.get(c) ?? [];
    list.push(l);
    byCommunity.set(c, list);
  }

  const groups: IssueGroup[] = [];
  for (const [community, members] of byCommunity) {
    if (members.length < minLetters) continue;
    const sorted = [...members].sort((a, b) => a.id - b.id);
    // the community's own name is in many letters and says nothing about the matter
    const exclude = new Set(words(community));
    const sets = sorted.map((l) => contentWords(`${l.title} ${l.content}`, exclude));
    const parent = sorted.map((_, i) => i);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        if (jaccard(sets[i], sets[j]) >= minSimilarity) parent[find(parent, j)] = find(parent, i);
      }
    }
    const components = new Map<number, number[]>();
    sorted.forEach((_, i) => {
      const root = find(parent, i);
      components.set(root, [...(components.get(root) ?? []), i]);
    });
    for (const idx of components.values()) {
      if (idx.length < minLetters) continue;
      const dates = idx.map((i) => sorted[i].receivedOn).sort();
      groups.push({
        community,
        letterIds: idx.map((i) => sorted[i].id),
        keyWords: keyWordsOf(idx.map((i) => sets[i]), maxKeyWords),
        firstReceivedOn: dates[0],
        lastReceivedOn: dates[dates.length - 1],
      });
    }
  }
  return groups.sort(
    (a, b) => b.letterIds.length - a.letterIds.length || byPinyin.compare(a.community, b.community) || a.letterIds[0] - b.letterIds[0],
  );
}
