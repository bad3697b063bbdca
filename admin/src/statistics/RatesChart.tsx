import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ChartPoint } from './rates';

/**
 * The month-by-month SV3 rates as lines. Loaded with React.lazy (its own chunk: recharts is only
 * downloaded by those who see rates). A month with nothing rated or concluded is a gap, never 0%.
 */
export default function RatesChart({ points }: { points: ChartPoint[] }) {
  const theme = useTheme();
  const translate = useTranslate();
  return (
    <div data-testid="rates-chart" style={{ width: '100%', height: 260 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} tickMargin={6} />
          <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} tick={{ fontSize: 12 }} width={48} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : translate('app.statistics.no_data'))} />
          <Legend wrapperStyle={{ fontSize: 13 }} />
          <Line type="linear" dataKey="satisfaction" name={translate('app.statistics.satisfaction')} stroke={theme.palette.primary.main} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
          <Line type="linear" dataKey="resolution" name={translate('app.statistics.resolution')} stroke={theme.palette.success.main} strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
