import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { Link } from 'react-router';
import { useGetList, usePermissions, useTranslate } from 'react-admin';
import { canRead } from '../providers/access';

export const INBOX_FILTER = { forMe: true, unread: true };

/** The app bar's bell: how many notices addressed to me are unread; it opens the inbox. */
export function NotificationBell() {
  const { permissions } = usePermissions<string[]>();
  const roles = Array.isArray(permissions) ? permissions : [];
  const translate = useTranslate();
  const enabled = canRead(roles, 'Notification');
  const { total } = useGetList('Notification', { pagination: { page: 1, perPage: 1 }, filter: INBOX_FILTER }, { enabled, refetchInterval: 60_000 });
  if (!enabled) return null;
  const to = `/Notification?filter=${encodeURIComponent(JSON.stringify(INBOX_FILTER))}`;
  return (
    <Tooltip title={translate('app.notifications.mine')}>
      <IconButton color="inherit" component={Link} to={to} aria-label={translate('app.notifications.bell', { count: total ?? 0 })}>
        <Badge badgeContent={total ?? 0} color="error" max={99} data-testid="unread-count">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
