import { Box, Card, CardContent, Typography } from '@mui/material';
import { Title, useGetIdentity, useGetResourceLabel, usePermissions, useTranslate } from 'react-admin';
import { isAdmin, modelForRoles } from '../providers/access';
import { AdminCards } from './AdminCards';
import { schemaModel } from '../providers/dataProvider';
import { menuOrder } from '../providers/menuOrder';
import { CountCard } from './CountCard';
import { RoleCards } from './RoleCards';
import { CalendarStatusCard } from './CalendarStatusCard';
import { Translated } from '../i18n/Translated';

/** How many resources get a count card (each is one list request with perPage 1). */
const COUNTED = 6;

/** The working roles: each gets its own cards (cards.ts); the others the first resources' counts. */
const WORKING = ['OFFICE_STAFF', 'LEADER', 'MEMBER', 'STATION_STAFF', 'DEPARTMENT_HANDLER', 'COMMITTEE_STAFF'];

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
              <Translated
                k="app.signed_in_as"
                args={{ roles: roles.map((r) => translate(`app.roles.${r}`, { _: r })).join(translate('app.list_separator')) }}
                records={{ name: identity.fullName ?? '' }}
              />
            </Typography>
          )}
        </CardContent>
      </Card>
      {roles.includes('OFFICE_STAFF') && <CalendarStatusCard />}
      {isAdmin(roles) ? (
        <AdminCards roles={roles} />
      ) : roles.some((r) => WORKING.includes(r)) ? (
        <RoleCards roles={roles} readable={resources.map((r) => r.name)} />
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
