import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useListContext, useNotify } from 'react-admin';
import { localizeError } from '../i18n/i18nProvider';
import { exportUrl, fileNameOf } from './exportUrl';

/**
 * 导出: the list as an Excel workbook built and streamed by the server with the list's current filter
 * and sort (every row, not a page; masked as the list shows it), in place of react-admin's exporter
 * that pages through the API in the browser. The session cookie goes with the request.
 */
export function ExportButton({ label = 'ra.action.export' }: { label?: string }) {
  const { resource, filterValues, sort, total } = useListContext();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (!resource) return;
    setBusy(true);
    try {
      const res = await fetch(exportUrl(resource, filterValues, sort), { credentials: 'include' });
      if (!res.ok) {
        const body = await res.json().catch(() => undefined);
        const error = body?.errors?.[0];
        notify(error ? localizeError(error.message, error.extensions) : 'app.export.failed', { type: 'error', messageArgs: { status: res.status } });
        return;
      }
      const blob = await res.blob();
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = fileNameOf(res.headers.get('content-disposition'), resource);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    } catch {
      notify('app.export.network', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label={busy ? 'app.export.busy' : label} onClick={download} disabled={busy || total === 0}>
      <DownloadIcon />
    </Button>
  );
}
