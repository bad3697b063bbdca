import { uiT } from '../i18n/translate';

/** A phone as Chinese users write it (11-digit mobile, or a landline with its area code); the server checks it again. */
export const phoneValidator = (v: unknown) =>
  !v || /^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(String(v).replace(/\s/g, '')) ? undefined : uiT('app.common.phone_invalid');
