import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';
import { buildI18nProvider, localizeError } from '../../admin/src/i18n/i18nProvider.js';
import { buildMessages } from '../../admin/src/i18n/messages.js';
import { ERROR_CODES, ZH_VERBS } from '../../admin/src/i18n/app-keys.js';
import { EN_VERBS } from '../../admin/src/i18n/app-keys.en.js';
import { MENU_GROUPS, MENU_PAGES } from '../../admin/src/layout/menuGroups.js';
import { ZH_UI } from '../../admin/src/i18n/ui.zh.js';
import { zhT, type Translate } from '../../admin/src/i18n/translate.js';
import { NOTICE_KINDS, NOTICE_TITLES } from '../../admin/src/prints/notices.js';
import { dueInDays } from '../../admin/src/letters/deadlines.js';
import { periodLabel } from '../../admin/src/statistics/period.js';
import { collectiveResult } from '../../admin/src/concentrated/concentrated.js';
import { ACTION_LABELS } from '../../server/src/casework/letter/letter.workflow.js';

const model = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));
const messages = buildMessages(model);

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`. */
function flatten(tree: unknown, prefix = ''): Record<string, unknown> {
  if (tree === null || typeof tree !== 'object') return { [prefix]: tree };
  return Object.assign({}, ...Object.entries(tree).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

const zh = flatten(messages['zh-CN']);
const en = flatten(messages.en);
const onlyIn = (a: Record<string, unknown>, b: Record<string, unknown>) => Object.keys(a).filter((k) => !(k in b)).sort();
/** Enum ids that are also their English as written (政协 = CPPCC). */
const ENGLISH_AS_WRITTEN = new Set(['CPPCC']);
const enumIds = new Set(Object.values(model.enums).flatMap((e) => e.choices.map((c) => c.id)));
const fieldNames = new Set(model.resources.flatMap((r) => [...r.fields, ...(r.createArgs ?? []), ...(r.updateArgs ?? []), ...r.filters].map((v) => v.name)));

describe('the two languages have the same keys', () => {
  it('has no key in Chinese only', () => {
    expect(onlyIn(zh, en)).toEqual([]);
  });

  it('has no key in English only', () => {
    expect(onlyIn(en, zh)).toEqual([]);
  });

  it('has a text under every key, in English neither empty nor the raw key, field name or enum id', () => {
    const bad = Object.entries(en)
      .filter(([k, v]) => {
        if (typeof v !== 'string') return true;
        // ra.boolean.null is a blank cell on purpose, in both languages
        if (k === 'ra.boolean.null') return v.trim() !== '';
        return !v.trim() || v === k || (enumIds.has(v) && !ENGLISH_AS_WRITTEN.has(v)) || fieldNames.has(v);
      })
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`);
    expect(bad).toEqual([]);
    expect(Object.entries(zh).filter(([k, v]) => typeof v !== 'string' || (!v.trim() && k !== 'ra.boolean.null')).map(([k]) => k)).toEqual([]);
  });
});

describe('English covers the schema and the console', () => {
  it('names every resource in singular and plural, and every field, argument and filter', () => {
    const missing: string[] = [];
    for (const r of model.resources) {
      const name = en[`resources.${r.name}.name`];
      if (typeof name !== 'string' || name.split(' |||| ').length !== 2) missing.push(`resources.${r.name}.name`);
      for (const v of [...r.fields, ...(r.createArgs ?? []), ...(r.updateArgs ?? []), ...r.filters]) {
        if (!en[`resources.${r.name}.fields.${v.name}`]) missing.push(`resources.${r.name}.fields.${v.name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(model.resources.length).toBeGreaterThan(30);
  });

  it('names every value of every enum of the schema', () => {
    const missing = Object.entries(model.enums).flatMap(([name, e]) => e.choices.map((c) => `enums.${name}.${c.id}`).filter((k) => !en[k]));
    expect(missing).toEqual([]);
    expect(en['enums.LetterCategory.SUGGESTION']).toBe('Suggestion');
    expect(en['enums.NotificationKind.DEADLINE_PASSED']).toBe('Overdue');
  });

  it('names every menu section and custom page', () => {
    expect(MENU_GROUPS.map((g) => en[`app.menu.${g.id}`])).toEqual(['Organization and people', 'Contact with the public', 'Letters and receptions', 'Duty performance', 'Statistics', 'System']);
    expect(MENU_PAGES.map((p) => zh[`app.pages.${p.path.slice(1)}`])).toEqual(MENU_PAGES.map((p) => p.label));
    expect(MENU_PAGES.map((p) => en[`app.pages.${p.path.slice(1)}`])).toEqual(['Issues raised by many', 'Member mailbox register', 'Station receptions', 'Satisfaction and resolution rates', 'Active sessions']);
  });

  it('names every workflow step the server offers, the Chinese word for word the server’s', () => {
    expect(ZH_VERBS).toEqual(ACTION_LABELS);
    expect(Object.keys(EN_VERBS).sort()).toEqual(Object.keys(ACTION_LABELS).sort());
    // every step is a mutation of the schema
    const mutations = new Set((model.introspection.types.find((t) => t.name === 'Mutation') as any).fields.map((f: any) => f.name));
    // but the escalation a second bad rating takes (rateLetter does it)
    expect(Object.keys(ACTION_LABELS).filter((a) => !mutations.has(a))).toEqual(['escalateAfterRating']);
  });

  it('names every error code the server gives', () => {
    const declared = [...fs.readFileSync('server/src/common/errors.ts', 'utf8').matchAll(/\|\s*'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(5);
    expect(declared.filter((c) => !ERROR_CODES.includes(c as any))).toEqual([]);
    for (const code of ERROR_CODES) {
      expect([code, typeof zh[`app.errors.${code}`], typeof en[`app.errors.${code}`]]).toEqual([code, 'string', 'string']);
    }
  });
});

describe('a server error as the console shows it', () => {
  const i18n = buildI18nProvider(model);

  it('keeps the server’s Chinese message in Chinese', async () => {
    await i18n.changeLocale('zh-CN');
    expect(localizeError('note：不能为空', { code: 'BAD_USER_INPUT', field: 'note' }, i18n)).toBe('note：不能为空');
  });

  it('words the code in English, names the field and keeps the server’s message as the detail', async () => {
    await i18n.changeLocale('en');
    expect(localizeError('note：不能为空', { code: 'BAD_USER_INPUT', field: 'note' }, i18n)).toBe('Invalid input (field: note): note：不能为空');
    expect(localizeError('version：记录已被他人修改，请刷新后重试', { code: 'CONFLICT', field: 'version' }, i18n)).toBe(
      'Someone else changed this record; reload and try again (field: version): version：记录已被他人修改，请刷新后重试',
    );
    expect(localizeError('服务器内部错误，请稍后重试', { code: 'SOMETHING_NEW' }, i18n)).toBe('The request failed: 服务器内部错误，请稍后重试');
  });

  it('gives react-admin an English list title and a Chinese one', async () => {
    await i18n.changeLocale('en');
    expect(i18n.translate('resources.LiaisonGroup.name', { smart_count: 2 })).toBe('Liaison groups');
    expect(i18n.translate('resources.Letter.fields.liaisonGroupId')).not.toBe('liaisonGroupId');
    await i18n.changeLocale('zh-CN');
    expect(i18n.translate('resources.LiaisonGroup.name', { smart_count: 2 })).toBe('委员活动小组');
  });
});

describe('the screens’ own words (i18n/ui.zh.ts, ui.en.ts)', () => {
  const i18n = buildI18nProvider(model);

  it('names the print menu’s notices in Chinese as prints/notices.ts titles them', () => {
    expect(ZH_UI.prints.kinds).toEqual(Object.fromEntries(NOTICE_KINDS.map((k) => [k, NOTICE_TITLES[k].menu])));
  });

  it('reads a pure helper’s words in Chinese without a translate function, and in the chosen language with one', async () => {
    expect([dueInDays(-3), dueInDays(0), dueInDays(1)]).toEqual(['超期 3 天', '今天到期', '剩 1 天']);
    expect(zhT('app.letters.repeat_phone', { smart_count: 2 })).toBe('此电话此前来信 2 件，请核对是否为重复来信：');
    await i18n.changeLocale('en');
    const t = i18n.translate as Translate;
    expect([dueInDays(-1, t), dueInDays(-3, t), dueInDays(0, t), dueInDays(1, t), dueInDays(4, t)]).toEqual(['1 day overdue', '3 days overdue', 'due today', '1 day left', '4 days left']);
    expect(periodLabel('2026-01-01', '2026-11-20', t)).toBe('2026-01-01 to 2026-11-20');
    expect(collectiveResult(1, [{ serialNumber: 'CN-2026-000003', message: 'x' }], 2, t)).toBe('1 letter forwarded; 1 could not be forwarded: CN-2026-000003 (x); 2 cannot be forwarded yet (not at the forwarding step)');
    await i18n.changeLocale('zh-CN');
    expect(periodLabel('2026-01-01', '2026-11-20', i18n.translate as Translate)).toBe('2026年1月1日至2026年11月20日');
  });

  it('leaves no Chinese in the console’s English words', () => {
    const chinese = Object.entries(en).filter(([k, v]) => k.startsWith('app.') && typeof v === 'string' && /[\u4e00-\u9fff]/.test(v));
    expect(chinese).toEqual([]);
  });
});
