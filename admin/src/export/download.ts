import { fileNameOf } from './exportUrl';

/**
 * Fetches a file the server builds (an export, a register) with the session cookie and saves it
 * under the name the server proposes. Returns the error to show, or null once saved.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<string | null> {
  try {
    const res = await fetch(url, { credentials: 'include' });
    if (!res.ok) {
      const body = await res.json().catch(() => undefined);
      return body?.errors?.[0]?.message ?? `导出失败（${res.status}）`;
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
    return '导出失败：网络错误，请稍后重试';
  }
}
