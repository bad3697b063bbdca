import { useEffect, useState } from 'react';
import { Alert, Box, Card, CardContent, MenuItem, TextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { Title, useGetList, usePermissions, useTranslate } from 'react-admin';
import { todayInChina } from '../letters/deadlines';
import { isRealDate, normalizeDate } from '../schema-ui/dates';
import { RatesPanel } from './RatesPanel';
import { RATES_ROLES } from './rates';
import { periodLabel, periodProblem, presetPeriod, PRESETS, type PeriodPreset } from './period';

/**
 * A day typed as offices write it (2026-03-05, 2026年3月5日 …, schema-ui/dates.ts), applied on Enter
 * or when the field is left: the browser's date picker would show its own locale's order.
 */
function DayField({ label, value, onChange }: { label: string; value: string; onChange: (day: string) => void }) {
  const [draft, setDraft] = useState(value);
  const translate = useTranslate();
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
      helperText={bad ? translate('app.statistics.day_invalid') : undefined}
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
  const translate = useTranslate();
  const problem = periodProblem(period.from, period.to, translate);

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
        <Alert severity="info">{translate('app.statistics.not_allowed')}</Alert>
      ) : (
        <>
          <Card sx={{ mb: 2 }}>
            <CardContent>
              <Typography variant="h5" component="h1" gutterBottom>
                {translate('app.statistics.heading')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
                {translate('app.statistics.formula')}
              </Typography>
              <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
                <ToggleButtonGroup size="small" exclusive value={preset} onChange={(_e, p) => choose(p)} aria-label={translate('app.statistics.period_aria')}>
                  {PRESETS.map((p) => (
                    <ToggleButton key={p} value={p}>
                      {translate(`app.statistics.presets.${p}`)}
                    </ToggleButton>
                  ))}
                </ToggleButtonGroup>
                <Box sx={{ display: 'flex', gap: 2 }}>
                  <DayField label={translate('app.statistics.from')} value={period.from} onChange={typed('from')} />
                  <DayField label={translate('app.statistics.to')} value={period.to} onChange={typed('to')} />
                </Box>
                <TextField
                  size="small"
                  select
                  fullWidth={false}
                  label={translate('app.statistics.organization')}
                  value={organizationId}
                  onChange={(e) => setOrganizationId(e.target.value)}
                  sx={{ width: 260, maxWidth: '100%' }}
                  slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                >
                  <MenuItem value="">{translate('app.statistics.all_organizations')}</MenuItem>
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
            <RatesPanel title={periodLabel(period.from, period.to, translate)} from={period.from} to={period.to} today={today} organizationId={organizationId || null} details />
          )}
        </>
      )}
    </Box>
  );
}
