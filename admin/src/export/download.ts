import { localizeError } from '../i18n/i18nProvider';
import { fileNameOf } from './exportUrl';

/**
 * Fetches a file the server builds (an export, a register) with the session cookie and saves it
 * under the name the server proposes. Returns the error to notify (a message or a key), or null once saved.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<{ message: string; messageArgs?: Record<string, unknown> } | null> {
  try {
    const res = await fetch(url, { credentials: 'include' });
    if (!res.ok) {
      const body = await res.json().catch(() => undefined);
      const error = body?.errors?.[0];
      return error ? { message: localizeError(error.message, error.extensions) } : { message: 'app.export.failed', messageArgs: { status: res.status } };
    }
    const blob = await res.blob();
    const href = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = href;
    a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
    return null;
  } catch {
    return { message: 'app.export.network' };
  }
}
