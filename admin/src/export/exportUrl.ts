/**
 * The address of a list's export built by the server (issue 11): `/export/<Resource>.xlsx` with the
 * list's current filter and sort, the same the list sends to `allXs`. Pure: unit-tested in
 * test/admin/export-url.test.ts.
 */
export interface ExportSort {
  field?: string;
  order?: string;
}

export function exportUrl(resource: string, filter: Record<string, unknown> | undefined, sort: ExportSort | undefined): string {
  const params = new URLSearchParams();
  // react-admin keeps cleared inputs as undefined or ''; the list query leaves them out too
  const kept = Object.fromEntries(Object.entries(filter ?? {}).filter(([, v]) => v !== undefined && v !== ''));
  if (Object.keys(kept).length) params.set('filter', JSON.stringify(kept));
  if (sort?.field) params.set('sort', sort.field);
  if (sort?.order) params.set('order', sort.order);
  const query = params.toString();
  return `/export/${encodeURIComponent(resource)}.xlsx${query ? `?${query}` : ''}`;
}

/** The file name the server proposes (`filename*=UTF-8''来信.xlsx` first), else `<resource>.xlsx`. */
export function fileNameOf(disposition: string | null, resource: string): string {
  const star = disposition && /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // a malformed name: fall through to the plain one
    }
  }
  const plain = disposition && /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : `${resource}.xlsx`;
}
