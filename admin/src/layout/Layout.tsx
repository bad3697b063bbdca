import KeyIcon from '@mui/icons-material/Key';
import { Box, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import { forwardRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { AppBar, Layout as RaLayout, Loading, LoadingIndicator, LocalesMenuButton, Logout, TitlePortal, ToggleThemeButton, UserMenu, useGetIdentity, useTranslate, useUserMenu } from 'react-admin';
import { PendingSteps } from '../auth/PendingSteps';
import { CloseDrawerOnNavigation, Menu } from './Menu';
import { NotificationBell } from '../notifications/NotificationBell';
import { forgetMe, type Identity } from '../providers/authProvider';

const ChangePasswordItem = forwardRef<HTMLAnchorElement>(function ChangePasswordItem(props, ref) {
  const translate = useTranslate();
  const menu = useUserMenu();
  return (
    <MenuItem component={Link} to="/password" ref={ref} {...props} onClick={() => menu?.onClose()}>
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('app.account.change_password')}</ListItemText>
    </MenuItem>
  );
});

function LianluoUserMenu() {
  return (
    <UserMenu>
      <ChangePasswordItem />
      <Logout />
    </UserMenu>
  );
}

/** On a phone the language button is its icon only (its name stays for screen readers), so the bar keeps one line. */
const ICON_ONLY_ON_PHONE = {
  display: 'flex',
  '& .MuiButton-root': { fontSize: { xs: 0, sm: 'inherit' }, minWidth: { xs: 0, sm: 64 } },
  '& .MuiButton-startIcon': { mr: { xs: 0, sm: 1 } },
  '& .MuiButton-endIcon': { display: { xs: 'none', sm: 'inherit' } },
} as const;

function AppBarToolbar() {
  return (
    <>
      <Box sx={ICON_ONLY_ON_PHONE}>
        <LocalesMenuButton />
      </Box>
      <ToggleThemeButton />
      <LoadingIndicator />
    </>
  );
}

/** The app bar carries the product name 联络 before the page title; react-admin adds the locale menu. */
function LianluoAppBar() {
  const translate = useTranslate();
  return (
    <AppBar userMenu={<LianluoUserMenu />} toolbar={<AppBarToolbar />}>
      <Typography variant="h6" component="span" sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap' }}>
        {translate('app.title')}
      </Typography>
      <TitlePortal variant="subtitle1" />
      <NotificationBell />
    </AppBar>
  );
}

/**
 * The signed-in frame. A session with steps pending (forced password change, TOTP enrolment for
 * administrators) sees only those steps: the server refuses everything else until they are done.
 */
export function Layout({ children }: { children: ReactNode }) {
  const { identity, isPending, refetch } = useGetIdentity();
  if (isPending) return <Loading />;
  const me = identity as Identity | undefined;
  if (me?.pending?.length) {
    return (
      <PendingSteps
        step={me.pending[0]}
        displayName={me.fullName}
        onDone={() => {
          forgetMe();
          void refetch();
        }}
      />
    );
  }
  return (
    <RaLayout appBar={LianluoAppBar} menu={Menu}>
      <CloseDrawerOnNavigation />
      {children}
    </RaLayout>
  );
}
