import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { Link } from 'react-router';
import { useGetList, usePermissions } from 'react-admin';
import { canRead } from '../providers/access';

export const INBOX_FILTER = { forMe: true, unread: true };

/** The app bar's bell: how many notices addressed to me are unread; it opens the inbox. */
export function NotificationBell() {
  const { permissions } = usePermissions<string[]>();
  const roles = Array.isArray(permissions) ? permissions : [];
  const enabled = canRead(roles, 'Notification');
  const { total } = useGetList('Notification', { pagination: { page: 1, perPage: 1 }, filter: INBOX_FILTER }, { enabled, refetchInterval: 60_000 });
  if (!enabled) return null;
  const to = `/Notification?filter=${encodeURIComponent(JSON.stringify(INBOX_FILTER))}`;
  return (
    <Tooltip title="我的通知">
      <IconButton color="inherit" component={Link} to={to} aria-label={`我的通知，${total ?? 0} 条未读`}>
        <Badge badgeContent={total ?? 0} color="error" max={99} data-testid="unread-count">
          <NotificationsIcon />
        </Badge>
      </IconButton>
    </Tooltip>
  );
}
