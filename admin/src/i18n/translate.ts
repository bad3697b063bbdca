import { ZH_UI } from './ui.zh';

/** A translate function as react-admin's useTranslate gives it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** `{ a: { b: 'x' } }` with every string replaced: the English tree must have the Chinese tree's keys. */
export type Words<T> = { [K in keyof T]: T[K] extends string ? string : Words<T[K]> };

/**
 * The Chinese of an `app.*` key of the screens' words (ui.zh.ts), interpolated as polyglot does: the
 * default of the pure helpers, so they read as before without a translate function (unit tests, prints).
 */
export const zhT: Translate = (key, options = {}) => {
  const found = key
    .replace(/^app\./, '')
    .split('.')
    .reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), ZH_UI);
  if (typeof found !== 'string') return typeof options._ === 'string' ? options._ : key;
  // Chinese has one plural form
  return found.split(' |||| ')[0].replace(/%\{(\w+)\}/g, (m, name) => (name in options ? String(options[name]) : m));
};

// the console's provider, once App.tsx built it (i18nProvider.ts): validators have no hook to ask
let ambient: Translate | null = null;
export const setAmbientTranslate = (t: Translate | null) => {
  ambient = t;
};

/** The chosen language's words where no hook reaches (a form validator); Chinese before the console starts. */
export const uiT: Translate = (key, options) => (ambient ?? zhT)(key, options);
