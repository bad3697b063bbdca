import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { I18nProvider, TranslationMessages } from 'react-admin';
import type { SchemaModel } from '../providers/schema';
import { chineseMessages } from './zh-CN';
import { appKeys } from './app-keys';
import { EN_FIELD_OVERRIDES, EN_FIELDS, EN_RANGE, EN_RESOURCE_NAMES } from './en.resources';
import { EN_ENUMS } from './en.enums';

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
        password_rule: '新密码至少 8 位，须包含小写字母、大写字母、数字、符号中的至少三类，且不能包含用户名。',
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
  en: {
    app: {
      title: 'Lianluo',
      welcome: 'Welcome to Lianluo',
      intro: 'Contact, letters and duty performance for CPPCC and people’s congress offices.',
      records: 'records',
      open: 'Open',
      personal_hint: 'Leave empty to keep the current value',
      signed_in_as: 'Signed in as %{name} (%{roles})',
      list_separator: ', ',
      roles: {
        SYSTEM_ADMIN: 'System administrator',
        SECURITY_ADMIN: 'Security administrator',
        AUDIT_ADMIN: 'Audit administrator',
        OFFICE_STAFF: 'Office staff',
        COMMITTEE_STAFF: 'Committee staff',
        STATION_STAFF: 'Liaison station staff',
        MEMBER: 'Member / deputy',
        DEPARTMENT_HANDLER: 'Department handler',
        LEADER: 'Leader',
      },
      auth: {
        title: 'Lianluo · Sign in',
        totp_code: 'One-time code',
        totp_hint: 'Required for administrators: the 6 digits of your authenticator app',
        invalid_credentials: 'Wrong username or password',
        totp_required: 'Enter the one-time code (6 digits of your authenticator app)',
        totp_invalid: 'The one-time code is wrong or was used already; wait for the next one',
        disabled: 'The account is disabled; ask an administrator',
        session_ended: 'Your session has ended; please sign in again',
        signed_out: 'Not signed in',
        cookie_refused: 'Signed in, but the browser did not keep the session cookie: allow cookies for this site; in production use HTTPS',
      },
      account: {
        change_password: 'Change password',
        forced_title: 'First sign-in: change your initial password',
        forced_intro: '%{name}, your password was set by an administrator; change it to use the console.',
        password_rule: 'At least 8 characters with three of: lower case, upper case, digits, symbols; not containing the username.',
        current_password: 'Current password',
        new_password: 'New password',
        confirm_password: 'Repeat the new password',
        password_mismatch: 'The two new passwords differ',
        password_changed: 'Password changed',
      },
      totp: {
        title: 'Bind an authenticator app',
        required_intro: '%{name}, administrator accounts must use an authenticator app (TOTP): every sign-in then asks for its 6-digit code.',
        intro: 'Open an authenticator app (Microsoft Authenticator, Google Authenticator, FreeOTP…), add the secret or the otpauth address below, then enter the 6 digits it shows.',
        begin: 'Get a secret',
        secret: 'Secret (shown this once)',
        uri: 'otpauth address (can be turned into a QR code)',
        code: '6 digits from the authenticator app',
        confirm: 'Bind',
        enrolled: 'Authenticator app bound',
      },
    },
  },
};

/** A field's English label in a resource: its own word there, else the shared one; ranges from their field. */
function englishField(resource: string, field: string): string | undefined {
  const own = (f: string) => EN_FIELD_OVERRIDES[resource]?.[f] ?? EN_FIELDS[f];
  const range = field.match(/^(.+)_(gte|lte)$/);
  if (range && !own(field)) {
    const label = own(range[1]);
    return label && EN_RANGE[range[2] as 'gte' | 'lte'].replace('%{label}', label);
  }
  return own(field);
}

/**
 * Resource, field and enum names: in Chinese from the schema's descriptions, in English from the
 * tables of en.resources.ts / en.enums.ts for the same keys (a key without English is left out, and
 * test/admin/i18n.test.ts names it).
 */
export function schemaMessages(model: SchemaModel, locale: string): Record<string, unknown> {
  const zh = locale === DEFAULT_LOCALE;
  const resources: Record<string, unknown> = {};
  for (const r of model.resources) {
    const fields: Record<string, string> = {};
    for (const v of [...r.fields, ...(r.createArgs ?? []), ...(r.updateArgs ?? []), ...r.filters, { name: 'q', label: '搜索' }]) {
      if (v.name in fields) continue;
      const label = zh ? v.label : englishField(r.name, v.name);
      if (label) fields[v.name] = label;
    }
    const name = zh ? r.label : EN_RESOURCE_NAMES[r.name];
    resources[r.name] = name ? { name, fields } : { fields };
  }
  const enums: Record<string, Record<string, string>> = {};
  for (const [name, e] of Object.entries(model.enums)) {
    enums[name] = Object.fromEntries(e.choices.map((c) => [c.id, zh ? c.label : EN_ENUMS[name]?.[c.id]]).filter(([, v]) => v));
  }
  return { resources, enums };
}

/** Both languages' complete message trees (exported for the key-parity test). */
export function buildMessages(model: SchemaModel): Record<'zh-CN' | 'en', TranslationMessages> {
  const app = (l: 'zh-CN' | 'en') => ({ app: { ...appMessages[l].app, ...appKeys(l) } });
  return {
    'zh-CN': { ...chineseMessages, ...app('zh-CN'), ...schemaMessages(model, 'zh-CN') } as TranslationMessages,
    en: { ...englishMessages, ...app('en'), ...schemaMessages(model, 'en') } as TranslationMessages,
  };
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
  const messages = buildMessages(model);
  active = polyglotI18nProvider((locale) => messages[locale as 'zh-CN' | 'en'] ?? messages[DEFAULT_LOCALE], DEFAULT_LOCALE, [
    { locale: 'zh-CN', name: '简体中文' },
    { locale: 'en', name: 'English' },
  ]);
  return active;
}
