import { useState } from 'react';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, useListContext, useNotify } from 'react-admin';
import { exportUrl, fileNameOf } from './exportUrl';

/**
 * 导出: the list as an Excel workbook built and streamed by the server with the list's current filter
 * and sort (every row, not a page; masked as the list shows it), in place of react-admin's exporter
 * that pages through the API in the browser. The session cookie goes with the request.
 */
export function ExportButton({ label = '导出' }: { label?: string }) {
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
        notify(body?.errors?.[0]?.message ?? `导出失败（${res.status}）`, { type: 'error' });
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
      notify('导出失败：网络错误，请稍后重试', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button label={busy ? '正在导出…' : label} onClick={download} disabled={busy || total === 0}>
      <DownloadIcon />
    </Button>
  );
}
