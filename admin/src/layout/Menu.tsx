import { useEffect, type ReactElement } from 'react';
import { ListSubheader, useMediaQuery } from '@mui/material';
import { useLocation } from 'react-router';
import { Menu as RaMenu, usePermissions, useResourceDefinitions, useSidebarState, useTranslate } from 'react-admin';
import BarChartIcon from '@mui/icons-material/BarChart';
import MenuBookIcon from '@mui/icons-material/MenuBook';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import DevicesIcon from '@mui/icons-material/Devices';
import GroupWorkIcon from '@mui/icons-material/GroupWork';
import { MENU_GROUPS, groupResources, pagesFor } from './menuGroups';
import { pageKey } from '../i18n/app-keys';

/**
 * On a phone the drawer closes on every navigation and on a fresh load, so it never covers the page
 * (rendered by the layout, which stays mounted while the drawer's menu mounts on each opening).
 */
export function CloseDrawerOnNavigation() {
  const [open, setOpen] = useSidebarState();
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  const { pathname } = useLocation();
  useEffect(() => {
    if (phone && open) setOpen(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the page changes
  }, [pathname, phone]);
  return null;
}

/** Each page of the menu its own icon, so a collapsed menu still tells them apart. */
const PAGE_ICONS: Record<string, ReactElement> = {
  '/concentrated': <GroupWorkIcon />,
  '/statistics': <BarChartIcon />,
  '/sessions': <DevicesIcon />,
  '/mailbox-register': <MenuBookIcon />,
  '/station-compliance': <FactCheckIcon />,
};

/**
 * The menu as the office thinks: 组织与人员 / 联系群众 / 信件与接待 / 履职考核 / 统计 / 系统, each
 * with the resources the signed-in roles may read.
 */
export function Menu() {
  const resources = useResourceDefinitions();
  const { permissions } = usePermissions<string[]>();
  const [open] = useSidebarState();
  const translate = useTranslate();
  const roles = Array.isArray(permissions) ? permissions : [];
  const groups = groupResources(Object.keys(resources));
  return (
    // an English name longer than the drawer wraps instead of ending in …
    <RaMenu sx={{ '& .MuiMenuItem-root .MuiTypography-noWrap': { whiteSpace: 'normal' } }}>
      <RaMenu.DashboardItem />
      {MENU_GROUPS.filter((g) => groups[g.id].length || pagesFor(g.id, roles).length).map((g) => [
        open ? (
          <ListSubheader key={`group-${g.id}`} disableSticky sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent' }}>
            {translate(`app.menu.${g.id}`, { _: g.label })}
          </ListSubheader>
        ) : null,
        ...groups[g.id].map((name) => <RaMenu.ResourceItem key={name} name={name} />),
        ...pagesFor(g.id, roles).map((p) => <RaMenu.Item key={p.path} to={p.path} primaryText={translate(`app.pages.${pageKey(p.path)}`, { _: p.label })} leftIcon={PAGE_ICONS[p.path]} />),
      ])}
    </RaMenu>
  );
}
