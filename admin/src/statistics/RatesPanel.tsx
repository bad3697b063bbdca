import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Alert, Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useGetMany, useLocaleState, useTranslate } from 'react-admin';
import { graphql } from '../providers/authProvider';
import { chartPoints, formatPercent, hasFigures, monthBuckets, ratesRequest, type DepartmentFigures, type Figures } from './rates';

// its own chunk (vite splits dynamic imports): the chart library loads only where rates are shown
const RatesChart = lazy(() => import('./RatesChart'));

/** Figures and headers keep to one line (a phone wrapped 满意率 after 满意); names may wrap. */
const TABLE_SX = { '& th, & td': { px: 1, whiteSpace: 'nowrap' } } as const;
const NAMED_TABLE_SX = { ...TABLE_SX, '& td:first-of-type': { whiteSpace: 'normal' } } as const;

type Result = { total: Figures & { departments: DepartmentFigures[] } } & Record<string, Figures | undefined>;

/** Loads the period's SV3 figures and each month's in one request (aliases of satisfactionRates). */
function useRates(from: string, to: string, today: string, organizationId?: string | null) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const buckets = useMemo(() => monthBuckets(from, to, today, translate), [from, to, today, locale]);
  const [state, setState] = useState<{ data?: Result; error?: string }>({});
  useEffect(() => {
    let live = true;
    setState({});
    const { query, variables } = ratesRequest({ from, to }, buckets, organizationId);
    graphql<Result>(query, variables).then(
      (data) => live && setState({ data }),
      (e: Error) => live && setState({ error: e.message }),
    );
    return () => {
      live = false;
    };
  }, [from, to, organizationId, buckets]);
  return { buckets, ...state };
}

function Figure({ label, value, testId, detail }: { label: string; value: string; testId: string; detail: string }) {
  return (
    <Box sx={{ flex: '1 1 140px', maxWidth: 300 }}>
      <Typography variant="subtitle2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="h4" component="p" data-testid={testId}>
        {value}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {detail}
      </Typography>
    </Box>
  );
}

/** Rows of figures under a first column (月份 or 承办单位); a missing figure reads —. */
function FiguresTable({ first, testId, named, rows }: { first: string; testId: string; named?: boolean; rows: Array<{ key: string; label: string; f?: Figures }> }) {
  const translate = useTranslate();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" data-testid={testId} sx={named ? NAMED_TABLE_SX : TABLE_SX}>
        <TableHead>
          <TableRow>
            <TableCell>{translate(first)}</TableCell>
            <TableCell align="right">{translate('app.statistics.satisfaction')}</TableCell>
            <TableCell align="right">{translate('app.statistics.rated')}</TableCell>
            <TableCell align="right">{translate('app.statistics.resolution')}</TableCell>
            <TableCell align="right">{translate('app.statistics.concluded')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map(({ key, label, f }) => (
            <TableRow key={key}>
              <TableCell>{label}</TableCell>
              <TableCell align="right">{formatPercent(f?.satisfactionRate)}</TableCell>
              <TableCell align="right">{f ? f.rated : '—'}</TableCell>
              <TableCell align="right">{formatPercent(f?.resolutionRate)}</TableCell>
              <TableCell align="right">{f ? f.concluded : '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** By lead department (承办单位), with the department's name. */
function DepartmentTable({ rows }: { rows: DepartmentFigures[] }) {
  const { data: departments } = useGetMany('Department', { ids: rows.map((r) => r.departmentId) }, { enabled: rows.length > 0 });
  const translate = useTranslate();
  const name = (id: string) => departments?.find((d) => String(d.id) === String(id))?.name ?? '…';
  if (!rows.length) return <Typography color="text.secondary">{translate('app.statistics.no_departments')}</Typography>;
  return <FiguresTable first="app.statistics.department" testId="rates-departments" named rows={rows.map((r) => ({ key: r.departmentId, label: name(r.departmentId), f: r }))} />;
}

/**
 * SV3: the satisfaction and resolution rates of a period in the caller's reach (or one organization's
 * subtree), with a month-by-month chart; on the 统计 page also by month and by lead department.
 */
export function RatesPanel({
  title,
  from,
  to,
  today,
  organizationId,
  details = false,
}: {
  title: string;
  from: string;
  to: string;
  today: string;
  organizationId?: string | null;
  details?: boolean;
}) {
  const { buckets, data, error } = useRates(from, to, today, organizationId);
  const total = data?.total;
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ flex: '1 1 100%', minWidth: 0 }} data-testid="rates">
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {error ? (
          <Alert severity="error">{translate('app.statistics.failed', { error })}</Alert>
        ) : (
          <>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, mb: 1 }}>
              <Figure
                label={translate('app.statistics.satisfaction')}
                value={total ? formatPercent(total.satisfactionRate) : '…'}
                testId="satisfaction-rate"
                detail={!total ? '' : total.rated ? translate('app.statistics.rated_detail', { smart_count: total.rated, satisfied: total.satisfied, basically: total.basicallySatisfied, dissatisfied: total.dissatisfied }) : translate('app.statistics.none_rated')}
              />
              <Figure
                label={translate('app.statistics.resolution')}
                value={total ? formatPercent(total.resolutionRate) : '…'}
                testId="resolution-rate"
                detail={!total ? '' : total.concluded ? translate('app.statistics.concluded_detail', { smart_count: total.concluded, resolved: total.resolved }) : translate('app.statistics.none_concluded')}
              />
            </Box>
            {data && !hasFigures(total) && (
              <Typography color="text.secondary" sx={{ my: 1 }}>
                {translate('app.statistics.nothing_yet')}
              </Typography>
            )}
            {data && hasFigures(total) && (
              <Suspense fallback={<Typography color="text.secondary">{translate('app.statistics.chart_loading')}</Typography>}>
                <RatesChart points={chartPoints(buckets, data)} />
              </Suspense>
            )}
            {data && details && (
              <>
                <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
                  {translate('app.statistics.by_month')}
                </Typography>
                <FiguresTable first="app.statistics.month_column" testId="rates-months" rows={buckets.map((b) => ({ key: b.key, label: b.label, f: data[b.key] }))} />
                <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
                  {translate('app.statistics.by_department')}
                </Typography>
                <DepartmentTable rows={total?.departments ?? []} />
              </>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
}
