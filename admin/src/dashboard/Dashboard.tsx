import { useEffect, useState } from 'react';
import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { addDays, todayInChina } from '../letters/deadlines';
import { graphql } from '../providers/authProvider';
import { Link } from 'react-router';
import { Title, useCreatePath, useGetIdentity, useGetList, useGetResourceLabel, usePermissions, useTranslate } from 'react-admin';
import { isAdmin, modelForRoles } from '../providers/access';
import { AdminCards } from './AdminCards';
import { schemaModel } from '../providers/dataProvider';
import { menuOrder } from '../providers/menuOrder';

/** How many resources get a count card (each is one list request with perPage 1). */
const COUNTED = 6;

/** One count that opens its list: a resource's records, or the letters of one job (`filter`). */
function CountCard({ resource, label, unit, filter, testId, alert }: { resource: string; label: string; unit: string; filter?: Record<string, unknown>; testId: string; alert?: boolean }) {
  const createPath = useCreatePath();
  const { total, isPending, error } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter });
  const list = createPath({ resource, type: 'list' });
  const to = filter ? `${list}?filter=${encodeURIComponent(JSON.stringify(filter))}` : list;
  return (
    <Card variant="outlined" sx={{ flex: '1 1 150px', maxWidth: 240 }}>
      <CardActionArea component={Link} to={to}>
        <CardContent>
          <Typography variant="subtitle1" color="text.secondary">
            {label}
          </Typography>
          <Typography variant="h4" component="p" data-testid={testId} color={alert && total ? 'error' : undefined}>
            {isPending || error ? '—' : total}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {unit}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/** SV3 for leaders and the office: this year's satisfaction and resolution rates, in the caller's reach. */
function RatesCard() {
  const [rates, setRates] = useState<{ satisfactionRate: number | null; resolutionRate: number | null; rated: number; concluded: number } | null>(null);
  useEffect(() => {
    const today = todayInChina();
    graphql<any>(`query ($from: LocalDate!, $to: LocalDate!) { satisfactionRates(from: $from, to: $to) { satisfactionRate resolutionRate rated concluded } }`, {
      from: `${today.slice(0, 4)}-01-01`,
      to: today,
    }).then((d) => setRates(d.satisfactionRates), () => setRates(null));
  }, []);
  const pct = (v: number | null | undefined) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);
  return (
    <Card variant="outlined" sx={{ flex: '1 1 220px', maxWidth: 320 }}>
      <CardContent>
        <Typography variant="subtitle1" color="text.secondary">
          本年满意率 / 解决率
        </Typography>
        <Typography variant="h4" component="p" data-testid="rates">
          {pct(rates?.satisfactionRate)} / {pct(rates?.resolutionRate)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {rates ? `已评价 ${rates.rated} 件，已办结 ${rates.concluded} 件` : ''}
        </Typography>
      </CardContent>
    </Card>
  );
}

const CASEWORK = ['OFFICE_STAFF', 'LEADER', 'MEMBER', 'STATION_STAFF', 'DEPARTMENT_HANDLER'];

/** The letters each casework role looks at first: its work, what is late, what is due soon, today's intake. */
function LetterCards({ roles }: { roles: string[] }) {
  const today = todayInChina();
  const registers = roles.some((r) => ['OFFICE_STAFF', 'STATION_STAFF', 'MEMBER'].includes(r));
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mb: 2 }}>
      <CountCard resource="Letter" unit="件来信" label="待我办理" filter={{ actionableByMe: true }} testId="letters-mine" />
      <CountCard resource="Letter" unit="件来信" label="已超期" filter={{ overdue: true }} testId="letters-overdue" alert />
      <CountCard resource="Letter" unit="件来信" label="七日内到期" filter={{ nextDueOn_gte: today, nextDueOn_lte: addDays(today, 7) }} testId="letters-soon" />
      {registers && <CountCard resource="Letter" unit="件来信" label="今日登记" filter={{ receivedOn_gte: today, receivedOn_lte: today }} testId="letters-today" />}
      {roles.some((r) => r === 'LEADER' || r === 'OFFICE_STAFF') && <RatesCard />}
    </Box>
  );
}

/** Welcome, who is signed in with which roles, and counts of the first resources the roles may read. */
export function Dashboard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string[]>();
  const roles = Array.isArray(permissions) ? permissions : [];
  const resources = menuOrder(modelForRoles(schemaModel, roles).resources);
  const getResourceLabel = useGetResourceLabel();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.welcome')}
          </Typography>
          <Typography variant="body1">{translate('app.intro')}</Typography>
          {identity && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="signed-in-as">
              {translate('app.signed_in_as', {
                name: identity.fullName ?? '',
                roles: roles.map((r) => translate(`app.roles.${r}`, { _: r })).join(translate('app.list_separator')),
              })}
            </Typography>
          )}
        </CardContent>
      </Card>
      {isAdmin(roles) ? (
        <AdminCards roles={roles} />
      ) : roles.some((r) => CASEWORK.includes(r)) && resources.some((r) => r.name === 'Letter') ? (
        <LetterCards roles={roles} />
      ) : (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
          {resources.slice(0, COUNTED).map((r) => (
            <CountCard key={r.name} resource={r.name} label={getResourceLabel(r.name, 2)} unit={translate('app.records')} testId={`count-${r.name}`} />
          ))}
        </Box>
      )}
    </Box>
  );
}
