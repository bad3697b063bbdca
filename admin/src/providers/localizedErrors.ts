import type { DataProvider } from 'react-admin';
import { localizeError } from '../i18n/i18nProvider';

/** A refusal's words in the chosen language (react-admin notifies error.message); the error stays the same object for checkError. */
function localized(e: any): never {
  const first = e?.graphQLErrors?.[0] ?? e?.body?.graphQLErrors?.[0];
  if (first && typeof e.message === 'string') e.message = localizeError(first.message, first.extensions);
  throw e;
}

/** The provider with every method's refusal worded by localizeError. */
export function withLocalizedErrors<T extends DataProvider>(provider: T): T {
  return new Proxy(provider, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return result instanceof Promise ? result.catch(localized) : result;
      };
    },
  });
}
