/**
 * PV5 is only as good as data entry: a letter whose text names a department that is not listed as
 * involved may still complain about it. These pure functions find the departments a text names — by
 * full name, by short names (苍南县民政局 → 县民政局, 民政局) or by the names of their accounts — so
 * that forwarding to one asks for an explicit confirmation (letter.workflow.service.ts).
 */

/** Administrative levels that end a place name at the head of a unit's name (浙江省, 苍南县, 新兴街道). */
const LEVEL = /自治区|自治州|自治县|街道|省|市|州|盟|县|区|旗|镇|乡/g;
/** A short name shorter than this would match too much (局, 民政 …). */
const MIN_SHORT = 3;
/** Personal names are matched from two characters (the rule of the involved persons, access.table.ts). */
const MIN_PERSON = 2;

/**
 * The short names of a unit: for each place name at its head (two or three characters and a level
 * word), the rest of the name with and without that level word.
 * shortNames('浙江省苍南县民政局') → ['省苍南县民政局', '苍南县民政局', '县民政局', '民政局'].
 */
export function shortNames(name: string): string[] {
  const full = name.trim();
  const out: string[] = [];
  let placeStart = 0;
  for (const m of full.matchAll(LEVEL)) {
    const at = m.index!;
    // a place name has two or three characters: a level word right after another (苍南县市场监督管理局:
    // 市 begins 市场) or deep in the unit's own name (住房和城乡建设局) is not a place name's end
    if (at - placeStart < 2 || at - placeStart > 3) break;
    const end = at + m[0].length;
    const rest = full.slice(end);
    if (rest.length < MIN_SHORT) break;
    out.push(full.slice(at), rest);
    placeStart = end;
  }
  return [...new Set(out)].filter((s) => s !== full);
}

export interface NamableDepartment {
  id: number;
  name: string;
  /** Display names of the department's accounts (its handlers). */
  accountNames: readonly string[];
}

export interface NamedDepartment {
  id: number;
  name: string;
  /** The words of the text that name it, longest first. */
  matched: string[];
}

/**
 * The departments among `departments` that `text` names — by full name, short name or the name of one
 * of their accounts — each with the words that matched; in the order given.
 */
export function namedDepartments(text: string, departments: readonly NamableDepartment[]): NamedDepartment[] {
  const found: NamedDepartment[] = [];
  for (const d of departments) {
    const words = [d.name.trim(), ...shortNames(d.name)].filter((w) => w.length >= MIN_SHORT);
    const persons = d.accountNames.map((n) => n.trim()).filter((n) => n.length >= MIN_PERSON);
    const matched = [...new Set([...words, ...persons].filter((w) => text.includes(w)))];
    // a short name inside a longer matched one says nothing more
    const kept = matched.filter((w) => !matched.some((o) => o !== w && o.includes(w))).sort((a, b) => b.length - a.length);
    if (kept.length) found.push({ id: d.id, name: d.name, matched: kept });
  }
  return found;
}

/** The text of a letter that may name a unit: title, content and involved persons. */
export function letterText(l: { title?: string | null; content?: string | null; involvedPersons?: string | null }): string {
  return [l.title, l.content, l.involvedPersons].filter(Boolean).join('\n');
}
