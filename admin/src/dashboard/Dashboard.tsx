import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router';
import { Title, useCreatePath, useGetIdentity, useGetList, useGetResourceLabel, usePermissions, useTranslate } from 'react-admin';
import { modelForRoles } from '../providers/access';
import { schemaModel } from '../providers/dataProvider';
import { menuOrder } from '../providers/menuOrder';
import type { ResourceModel } from '../providers/schema';

/** How many resources get a count card (each is one list request with perPage 1). */
const COUNTED = 6;

function CountCard({ resource }: { resource: ResourceModel }) {
  const translate = useTranslate();
  const getResourceLabel = useGetResourceLabel();
  const createPath = useCreatePath();
  const { total, isPending, error } = useGetList(resource.name, { pagination: { page: 1, perPage: 1 } });
  return (
    <Card variant="outlined" sx={{ minWidth: 180 }}>
      <CardActionArea component={Link} to={createPath({ resource: resource.name, type: 'list' })}>
        <CardContent>
          <Typography variant="subtitle1" color="text.secondary">
            {getResourceLabel(resource.name, 2)}
          </Typography>
          <Typography variant="h4" component="p" data-testid={`count-${resource.name}`}>
            {isPending || error ? '—' : total}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.records')}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

/** Welcome, who is signed in with which roles, and counts of the first resources the roles may read. */
export function Dashboard() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string[]>();
  const roles = Array.isArray(permissions) ? permissions : [];
  const resources = menuOrder(modelForRoles(schemaModel, roles).resources);
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
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        {resources.slice(0, COUNTED).map((r) => (
          <CountCard key={r.name} resource={r} />
        ))}
      </Box>
    </Box>
  );
}
