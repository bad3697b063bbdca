import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';
import type { SchemaModel } from '../providers/schema';
import { appKeys } from './app-keys';
import { EN_WORDS } from './app-keys.en';
import { EN_ENUMS } from './en.enums';
import { EN_FIELD_OVERRIDES, EN_FIELDS, EN_RANGE, EN_RESOURCE_NAMES } from './en.resources';
import { schemaMessages } from './i18nProvider';
import { EN_UI } from './ui.en';

/** The console's own messages in English, key for key those of i18nProvider.ts. */
const appMessages = {
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
        password_rule: 'At least 10 characters with three of: lower case, upper case, digits, symbols; not containing the username, not a common password, none of your last 5.',
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

/** The English message tree: loaded when a user switches to English (i18nProvider.ts). */
export function englishMessagesFor(model: SchemaModel): TranslationMessages {
  const english = { field: englishField, resource: (n: string) => EN_RESOURCE_NAMES[n], enumValue: (e: string, v: string) => EN_ENUMS[e]?.[v] };
  return { ...englishMessages, app: { ...appMessages.en.app, ...appKeys(EN_WORDS), ...EN_UI }, ...schemaMessages(model, english) } as TranslationMessages;
}
