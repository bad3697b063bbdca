import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useCreatePath, useGetList, useTranslate } from 'react-admin';

/** The count of one list request (perPage 1); the same request as the card's, so react-query shares it. */
export function useCount(resource: string, filter?: Record<string, unknown>) {
  return useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter });
}

/** One count that opens its list: a resource's records, or the letters of one job (`filter`). */
export function CountCard({
  resource,
  label,
  unit,
  filter,
  sort,
  testId,
  alert,
  warning,
}: {
  resource: string;
  label: string;
  unit: string;
  filter?: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  testId: string;
  alert?: boolean;
  /** a rule's minimum not reached, given the total (CT3, CT4) */
  warning?: (total: number | undefined) => string | null;
}) {
  const createPath = useCreatePath();
  const translate = useTranslate();
  const { total, isPending, error } = useCount(resource, filter);
  const list = createPath({ resource, type: 'list' });
  const query = [filter && `filter=${encodeURIComponent(JSON.stringify(filter))}`, sort && `sort=${sort.field}&order=${sort.order}`].filter(Boolean).join('&');
  const to = query ? `${list}?${query}` : list;
  const warn = !isPending && !error ? warning?.(total) : null;
  return (
    <Card variant="outlined" sx={{ flex: '1 1 150px', maxWidth: 240 }}>
      <CardActionArea component={Link} to={to} aria-label={label} sx={{ height: '100%' }}>
        <CardContent>
          <Typography variant="subtitle1" color="text.secondary">
            {label}
          </Typography>
          <Typography variant="h4" component="p" data-testid={testId} color={alert && total ? 'error' : undefined}>
            {isPending || error ? '—' : total}
          </Typography>
          <Typography variant="body2" color={warn ? 'warning.main' : 'text.secondary'}>
            {warn ? translate('app.dashboard.unit_warning', { unit, warning: warn }) : unit}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}
