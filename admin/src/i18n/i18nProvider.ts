import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import type { SchemaModel } from '../providers/schema';
import { chineseMessages } from './zh-CN';

export const DEFAULT_LOCALE = 'zh-CN';

const appMessages = {
  'zh-CN': {
    app: {
      title: '联络',
      welcome: '欢迎使用联络',
      intro: '政协、人大联络工作平台：委员与代表联系群众、来信办理、履职考核。',
      records: '条记录',
      open: '进入',
      personal_hint: '留空则不修改',
    },
  },
  en: {
    app: {
      title: 'Lianluo',
      welcome: 'Welcome to Lianluo',
      intro: 'Contact, letters and duty performance for CPPCC and people’s congress offices.',
      records: 'records',
      open: 'Open',
      personal_hint: 'Leave empty to keep the current value',
    },
  },
};

/**
 * Resource and field names come from the schema's Chinese descriptions; English falls back to
 * react-admin's humanized names (`parentId` → "Parent"), so only enum values need English entries.
 */
export function schemaMessages(model: SchemaModel, locale: string): Record<string, unknown> {
  const zh = locale === DEFAULT_LOCALE;
  const resources: Record<string, unknown> = {};
  if (zh) {
    for (const r of model.resources) {
      const fields: Record<string, string> = {};
      for (const v of [...r.fields, ...(r.createArgs ?? []), ...(r.updateArgs ?? []), ...r.filters]) {
        fields[v.name] ??= v.label;
      }
      fields.q = '搜索';
      resources[r.name] = { name: r.label, fields };
    }
  }
  const enums: Record<string, Record<string, string>> = {};
  for (const [name, e] of Object.entries(model.enums)) {
    enums[name] = Object.fromEntries(e.choices.map((c) => [c.id, zh ? c.label : c.id]));
  }
  return { resources, enums };
}

export function buildI18nProvider(model: SchemaModel) {
  const messages: Record<string, TranslationMessages> = {
    'zh-CN': { ...chineseMessages, ...appMessages['zh-CN'], ...schemaMessages(model, 'zh-CN') } as TranslationMessages,
    en: { ...englishMessages, ...appMessages.en, ...schemaMessages(model, 'en') } as TranslationMessages,
  };
  return polyglotI18nProvider((locale) => messages[locale] ?? messages[DEFAULT_LOCALE], DEFAULT_LOCALE, [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ]);
}
