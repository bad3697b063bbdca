import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import type { SchemaModel } from '../providers/schema';
import { chineseMessages } from './zh-CN';
import { appKeys, ZH_WORDS } from './app-keys';
import { setAmbientTranslate } from './translate';
import { ZH_UI } from './ui.zh';

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
      signed_in_as: '当前登录：%{name}（%{roles}）',
      list_separator: '、',
      roles: {
        SYSTEM_ADMIN: '系统管理员',
        SECURITY_ADMIN: '安全管理员',
        AUDIT_ADMIN: '审计管理员',
        OFFICE_STAFF: '办公室工作人员',
        COMMITTEE_STAFF: '专委会工作人员',
        STATION_STAFF: '联络站/联络组工作人员',
        MEMBER: '委员/代表',
        DEPARTMENT_HANDLER: '承办单位经办人',
        LEADER: '领导',
      },
      auth: {
        title: '联络 · 登录',
        totp_code: '动态口令',
        totp_hint: '管理员账号必填：身份验证器中的 6 位数字',
        invalid_credentials: '用户名或密码错误',
        totp_required: '请输入动态口令（身份验证器中的 6 位数字）',
        totp_invalid: '动态口令不正确或已使用，请等待下一个口令',
        disabled: '账号已停用，请联系管理员',
        session_ended: '会话已结束，请重新登录',
        signed_out: '未登录',
        cookie_refused: '登录成功，但浏览器没有保存登录凭据（Cookie）：请允许本站使用 Cookie；正式环境须通过 HTTPS 访问',
      },
      account: {
        change_password: '修改密码',
        forced_title: '首次登录：请修改初始密码',
        forced_intro: '%{name}，您的密码是管理员设置的初始密码或重置密码，修改后才能使用系统。',
        password_rule: '新密码至少 10 位，须包含小写字母、大写字母、数字、符号中的至少三类，不能包含用户名，不能是常用密码，也不能与最近 5 次的密码相同。',
        current_password: '当前密码',
        new_password: '新密码',
        confirm_password: '再次输入新密码',
        password_mismatch: '两次输入的新密码不一致',
        password_changed: '密码已修改',
      },
      totp: {
        title: '绑定动态口令',
        required_intro: '%{name}，管理员账号须绑定身份验证器（动态口令，TOTP），绑定后每次登录都要输入其中的 6 位数字。',
        intro: '在手机上打开身份验证器应用（如 Microsoft Authenticator、Google Authenticator、FreeOTP），添加下面的密钥或 otpauth 地址，再输入应用显示的 6 位数字完成绑定。',
        begin: '获取密钥',
        secret: '密钥（仅显示这一次）',
        uri: 'otpauth 地址（可生成二维码扫描）',
        code: '身份验证器中的 6 位数字',
        confirm: '完成绑定',
        enrolled: '动态口令已绑定',
      },
    },
  },
};

/**
 * Resource, field and enum names: in Chinese from the schema's descriptions; in English (en.ts) from
 * the tables of en.resources.ts / en.enums.ts for the same keys, through `english` (a key without
 * English is left out, and test/admin/i18n.test.ts names it).
 */
export interface SchemaEnglish {
  field(resource: string, field: string): string | undefined;
  resource(name: string): string | undefined;
  enumValue(enumName: string, value: string): string | undefined;
}

export function schemaMessages(model: SchemaModel, english?: SchemaEnglish): Record<string, unknown> {
  const resources: Record<string, unknown> = {};
  for (const r of model.resources) {
    const fields: Record<string, string> = {};
    for (const v of [...r.fields, ...(r.createArgs ?? []), ...(r.updateArgs ?? []), ...r.filters, { name: 'q', label: '搜索' }]) {
      if (v.name in fields) continue;
      const label = english ? english.field(r.name, v.name) : v.label;
      if (label) fields[v.name] = label;
    }
    const name = english ? english.resource(r.name) : r.label;
    resources[r.name] = name ? { name, fields } : { fields };
  }
  const enums: Record<string, Record<string, string>> = {};
  for (const [name, e] of Object.entries(model.enums)) {
    enums[name] = Object.fromEntries(e.choices.map((c) => [c.id, english ? english.enumValue(name, c.id) : c.label]).filter(([, v]) => v));
  }
  return { resources, enums };
}

/** The Chinese message tree, the default language's, loaded with the console. */
export function chineseMessagesFor(model: SchemaModel): TranslationMessages {
  return { ...chineseMessages, app: { ...appMessages['zh-CN'].app, ...appKeys(ZH_WORDS), ...ZH_UI }, ...schemaMessages(model) } as TranslationMessages;
}

// the provider App.tsx built, so the data provider can word server errors in the chosen language
let active: I18nProvider | null = null;

/**
 * A server error as the console shows it: in Chinese the server's own message; in English the
 * code's English, the field from extensions, and the server's Chinese message as the detail.
 */
export function localizeError(message: string, extensions: { code?: string; field?: string } | undefined, i18n: I18nProvider | null = active): string {
  if (!i18n || i18n.getLocale() === DEFAULT_LOCALE) return message;
  const t = i18n.translate;
  const code = extensions?.code === 'CONFLICT' && extensions.field === 'version' ? 'VERSION' : extensions?.code;
  let error = t(`app.errors.${code}`, { _: t('app.errors.UNKNOWN') });
  if (extensions?.field) error = t('app.errors.with_field', { error, field: extensions.field });
  return message ? t('app.errors.with_detail', { error, detail: message }) : error;
}

export function buildI18nProvider(model: SchemaModel) {
  const zh = chineseMessagesFor(model);
  // English loads on first use (its own chunk), so the login page carries Chinese only
  let en: Promise<TranslationMessages> | undefined;
  active = polyglotI18nProvider(
    (locale) => (locale === 'en' ? (en ??= import('./en').then((m) => m.englishMessagesFor(model))) : zh) as TranslationMessages,
    DEFAULT_LOCALE,
    [
      { locale: 'zh-CN', name: '简体中文' },
      { locale: 'en', name: 'English' },
    ],
  );
  setAmbientTranslate(active.translate);
  return active;
}
