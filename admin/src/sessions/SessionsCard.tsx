import { Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useTranslate } from 'react-admin';
import { useActiveSessions } from './sessions';

/** On the security administrator's dashboard: how many sessions are open, opening 在线会话. */
export function SessionsCard() {
  const { sessions, error } = useActiveSessions();
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ flex: '1 1 150px', maxWidth: 240 }}>
      <CardActionArea component={Link} to="/sessions" aria-label={translate('app.pages.sessions')}>
        <CardContent>
          <Typography variant="subtitle1" color="text.secondary">
            {translate('app.pages.sessions')}
          </Typography>
          <Typography variant="h4" component="p" data-testid="sessions-online">
            {!sessions || error ? '—' : sessions.length}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.sessions.card_unit')}
          </Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}
