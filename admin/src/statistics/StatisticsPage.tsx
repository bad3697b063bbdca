import { useEffect, useState } from 'react';
import { Alert, Box, Card, CardContent, MenuItem, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { Title, useGetList, usePermissions } from 'react-admin';
import { todayInChina } from '../letters/deadlines';
import { isRealDate, normalizeDate } from '../schema-ui/dates';
import { RatesPanel } from './RatesPanel';
import { RATES_ROLES } from './rates';
import { periodLabel, periodProblem, presetPeriod, PRESET_LABELS, type PeriodPreset } from './period';

/**
 * A day typed as offices write it (2026-03-05, 2026年3月5日 …, schema-ui/dates.ts), applied on Enter
 * or when the field is left: the browser's date picker would show its own locale's order.
 */
function DayField({ label, value, onChange }: { label: string; value: string; onChange: (day: string) => void }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    const day = normalizeDate(draft);
    setDraft(day);
    if (isRealDate(day) && day !== value) onChange(day);
  };
  const bad = draft !== '' && !isRealDate(normalizeDate(draft));
  return (
    <TextField
      size="small"
      fullWidth={false}
      label={label}
      value={draft}
      placeholder="2026-03-05"
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
      error={bad}
      helperText={bad ? '请按 年-月-日 填写，如 2026-03-05' : undefined}
      sx={{ width: 150 }}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );
}

/**
 * 统计: the SV3 rates for a chosen period and organization (with its subtree), month by month and by
 * lead department, for leaders and office staff.
 */
export function StatisticsPage() {
  const today = todayInChina();
  const { permissions } = usePermissions<string[]>();
  const allowed = Array.isArray(permissions) && permissions.some((r) => RATES_ROLES.includes(r));
  const [preset, setPreset] = useState<PeriodPreset>('THIS_YEAR');
  const [period, setPeriod] = useState(() => presetPeriod('THIS_YEAR', today));
  const [organizationId, setOrganizationId] = useState('');
  const { data: organizations } = useGetList('Organization', { pagination: { page: 1, perPage: 200 }, sort: { field: 'id', order: 'ASC' } }, { enabled: allowed });
  const problem = periodProblem(period.from, period.to);

  const choose = (p: PeriodPreset | null) => {
    if (!p) return;
    setPreset(p);
    if (p !== 'CUSTOM') setPeriod(presetPeriod(p, today));
  };
  const typed = (key: 'from' | 'to') => (day: string) => {
    setPreset('CUSTOM');
    setPeriod((old) => ({ ...old, [key]: day }));
  };

  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.menu.statistics" />
      {!allowed ? (
        <Alert severity="info">统计供领导和办公室工作人员查看。</Alert>
      ) : (
        <>
          <Card sx={{ mb: 2 }}>
            <CardContent>
              <Typography variant="h5" component="h1" gutterBottom>
                满意率与解决率统计
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                满意率 =（满意 + 基本满意）/ 评价数；解决率 = 已解决 / 办结数（SV3）。按评价日期和办结日期计入期间。
              </Typography>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
                <ToggleButtonGroup size="small" exclusive value={preset} onChange={(_e, p) => choose(p)} aria-label="统计期间">
                  {(Object.keys(PRESET_LABELS) as PeriodPreset[]).map((p) => (
                    <ToggleButton key={p} value={p}>
                      {PRESET_LABELS[p]}
                    </ToggleButton>
                  ))}
                </ToggleButtonGroup>
                <Box sx={{ display: 'flex', gap: 2 }}>
                  <DayField label="开始日期" value={period.from} onChange={typed('from')} />
                  <DayField label="结束日期" value={period.to} onChange={typed('to')} />
                </Box>
                <TextField
                  size="small"
                  select
                  fullWidth={false}
                  label="工作机构（含下级）"
                  value={organizationId}
                  onChange={(e) => setOrganizationId(e.target.value)}
                  sx={{ width: 260, maxWidth: '100%' }}
                  slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                >
                  <MenuItem value="">全部可见机构</MenuItem>
                  {(organizations ?? []).map((o) => (
                    <MenuItem key={o.id} value={String(o.id)}>
                      {o.name}
                    </MenuItem>
                  ))}
                </TextField>
              </Box>
            </CardContent>
          </Card>
          {problem ? (
            <Alert severity="warning">{problem}</Alert>
          ) : (
            <RatesPanel title={periodLabel(period.from, period.to)} from={period.from} to={period.to} today={today} organizationId={organizationId || null} details />
          )}
        </>
      )}
    </Box>
  );
}
