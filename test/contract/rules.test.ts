import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The ids docs/rules.md marks pending, each waiting for the issue named there. This list may only
 * shrink: a new pending id fails, and an id a test title now names must be marked covered and removed.
 */
const PENDING: readonly string[] = [
  'PF3', // issue 13: the mid-year "behind on the minimums" list
];

const CATALOGUE = path.resolve('docs/rules.md');
const ROOTS = ['server/src', 'seeds', 'admin/src', 'test'];
/** A rule id: a known prefix and digits, not inside a longer word (`_` separates, so `CT3_MINIMUM` cites CT3). */
const RULE_ID = /(?<![A-Za-z0-9])(?:CT|MB|LO|PV|ST|SV|DL|PF|PR)\d+(?![A-Za-z0-9])/g;
const SOURCE = /^(?:000|001|002|003|004|LAW|CARD)(?: [^,]+)?$/;
const STATUS = /^(?:covered|pending \(issue \d+\))$/;

interface Row {
  id: string;
  source: string;
  status: string;
  where: string;
}

function catalogue(): Row[] {
  const rows: Row[] = [];
  fs.readFileSync(CATALOGUE, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const cells = line.match(/^\|(.*)\|$/)?.[1].split('|').map((c) => c.trim());
      if (!cells || cells[0] === 'id' || /^-+$/.test(cells[0])) return;
      const [id, source = '', , status = ''] = cells;
      rows.push({ id, source, status, where: `docs/rules.md:${i + 1}` });
    });
  return rows;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'dist') return [];
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(entry.name) ? [file] : [];
  });
}

const files = ROOTS.flatMap((root) => sourceFiles(root));

/** Every rule id written anywhere in the source tree (code, comments, strings, tests), with file:line. */
function citations(): { id: string; where: string }[] {
  return files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => [...line.matchAll(RULE_ID)].map((m) => ({ id: m[0], where: `${file}:${i + 1}` }))),
  );
}

/** The ids named in the titles of it / it.each / test / describe (and their .each/.skip/... forms) calls. */
function titledIds(): Map<string, string[]> {
  const named = new Map<string, string[]>();
  const rootOf = (e: ts.Expression): ts.Expression => {
    while (ts.isCallExpression(e) || ts.isPropertyAccessExpression(e)) e = e.expression;
    return e;
  };
  const titleOf = (arg: ts.Expression | undefined): string | undefined => {
    if (!arg) return undefined;
    if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
    if (ts.isTemplateExpression(arg)) return [arg.head.text, ...arg.templateSpans.map((s) => s.literal.text)].join(' … ');
    return undefined;
  };
  for (const file of files.filter((f) => f.endsWith('.test.ts'))) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = rootOf(node.expression);
        const title = titleOf(node.arguments[0]);
        if (ts.isIdentifier(callee) && ['it', 'test', 'describe'].includes(callee.text) && title !== undefined) {
          const line = source.getLineAndCharacterOfPosition(node.arguments[0].getStart(source)).line + 1;
          for (const m of title.matchAll(RULE_ID)) named.set(m[0], [...(named.get(m[0]) ?? []), `${file}:${line}`]);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return named;
}

describe('rule catalogue (docs/rules.md)', () => {
  const rows = catalogue();
  const listed = new Set(rows.map((r) => r.id));
  const titled = titledIds();

  it('lists each rule id once, with a known source and a status of covered or pending (issue N)', () => {
    const seen = new Set<string>();
    const problems = rows.flatMap((r) => {
      const found: string[] = [];
      if (!new RegExp(`^${RULE_ID.source}$`).test(r.id)) found.push(`${r.where}: "${r.id}" is not a rule id`);
      if (seen.has(r.id)) found.push(`${r.where}: ${r.id} is listed twice`);
      seen.add(r.id);
      const sources = r.source.split(',').map((s) => s.trim());
      if (!sources.every((s) => SOURCE.test(s))) found.push(`${r.where}: ${r.id} has source "${r.source}"`);
      if (!STATUS.test(r.status)) found.push(`${r.where}: ${r.id} has status "${r.status}"`);
      return found;
    });
    expect(problems).toEqual([]);
  });

  it('lists every rule id that code, seeds, the console or a test cites', () => {
    expect(ROOTS.filter((root) => !files.some((f) => f.startsWith(root + path.sep)))).toEqual([]);
    const unknown = citations()
      .filter((c) => !listed.has(c.id))
      .map((c) => `${c.where}: ${c.id} is not in docs/rules.md`);
    expect(unknown).toEqual([]);
  });

  it('marks an id covered only when a test title names it', () => {
    const untested = rows
      .filter((r) => r.status === 'covered' && !titled.has(r.id))
      .map((r) => `${r.where}: ${r.id} is marked covered but no it/test/describe title names it`);
    expect(untested).toEqual([]);
  });

  it('marks no id pending beyond the PENDING list (the pending list only shrinks)', () => {
    const grown = rows
      .filter((r) => r.status.startsWith('pending') && !PENDING.includes(r.id))
      .map((r) => `${r.where}: ${r.id} is marked pending but is not in PENDING (write its test instead)`);
    expect(grown).toEqual([]);
  });

  it('keeps in PENDING only ids still pending: one a test title now names is marked covered and removed', () => {
    const stale = PENDING.flatMap((id) => {
      const tests = titled.get(id);
      if (tests) return [`${id}: ${tests[0]} names it now; mark it covered in docs/rules.md and remove it from PENDING`];
      const row = rows.find((r) => r.id === id);
      if (!row?.status.startsWith('pending')) return [`${id}: in PENDING but docs/rules.md marks it "${row?.status ?? 'absent'}"`];
      return [];
    });
    expect(stale).toEqual([]);
  });
});
