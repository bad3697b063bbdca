import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router';
import { Title, useCreatePath, useGetList, useGetResourceLabel, useTranslate } from 'react-admin';
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

export function Dashboard({ resources }: { resources: ResourceModel[] }) {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('app.welcome')}
          </Typography>
          <Typography variant="body1">{translate('app.intro')}</Typography>
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
