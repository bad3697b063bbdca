import { useState } from 'react';
import { Box, Card, CardActionArea, CardContent, Chip, List as MuiList, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useCreatePath, useGetList, useGetResourceLabel, useTranslate } from 'react-admin';
import { auditEnumLabel, dayStart } from '../audit/labels';
import { useAuditLabels } from '../audit/useAuditLabels';
import { addDays, chinaDateTime, todayInChina } from '../letters/deadlines';
import { canCall, canRead } from '../providers/access';
import { useEnumLabel } from '../schema-ui/fields';
import { CountCard } from './CountCard';
import { SessionsCard } from '../sessions/SessionsCard';


/** The list of `resource` filtered by `filter`, as react-admin reads it from the address. */
function useListPath(resource: string, filter?: Record<string, unknown>) {
  const list = useCreatePath()({ resource, type: 'list' });
  return filter ? `${list}?filter=${encodeURIComponent(JSON.stringify(filter))}` : list;
}

/** The latest entries of the log, each opening its record; the title opens the whole log. */
function RecentAuditEvents() {
  const enumLabel = useEnumLabel();
  const { data, isPending } = useGetList('AuditEvent', { pagination: { page: 1, perPage: 5 }, sort: { field: 'occurredAt', order: 'DESC' } });
  const all = useListPath('AuditEvent');
  const translate = useTranslate();
  const l = useAuditLabels();
  return (
    <Card variant="outlined" sx={{ flex: '1 1 320px', maxWidth: 520 }}>
      <CardActionArea component={Link} to={all}>
        <CardContent sx={{ pb: 0 }}>
          <Typography variant="subtitle1" color="text.secondary">
            {translate('app.dashboard.recent_audit')}
          </Typography>
        </CardContent>
      </CardActionArea>
      <MuiList dense data-testid="audit-recent">
        {isPending ? null : (data ?? []).map((e: any) => (
          <ListItemButton key={e.id} component={Link} to={`${all}/${e.id}/show`}>
            <ListItemText primary={`${l.actor(e)} · ${l.action(e)}`} secondary={chinaDateTime(e.occurredAt)} />
            {e.result !== 'SUCCEEDED' && <Chip size="small" color={e.result === 'DENIED' ? 'error' : 'warning'} label={enumLabel('AuditResult', e.result)} />}
          </ListItemButton>
        ))}
      </MuiList>
    </Card>
  );
}

/**
 * The three administrators' dashboard: the accounts they keep (system and security administrators),
 * the log they read (audit administrator). Sessions are not a resource of the API: the security
 * administrator's card counts them (activeSessions) and opens 在线会话.
 */
export function AdminCards({ roles }: { roles: string[] }) {
  // one moment per visit, or every render would ask for a new list
  const [now] = useState(() => new Date().toISOString());
  const today = todayInChina();
  const week = dayStart(addDays(today, -6));
  const accounts = canRead(roles, 'Account');
  const audit = canRead(roles, 'AuditEvent');
  const getResourceLabel = useGetResourceLabel();
  const translate = useTranslate();
  const t = (k: string, o?: Record<string, unknown>) => translate(`app.dashboard.admin.${k}`, o);
  // the system administrator also keeps the bodies and their working units
  const kept = ['Body', 'Organization'].filter((r) => canCall(roles, 'create', r));
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 2, mb: 2 }}>
      {accounts && (
        <>
          <CountCard resource="Account" label={t('accounts')} unit={t('accounts_unit')} testId="accounts-all" />
          <CountCard resource="Account" label={t('locked')} unit={t('locked_unit')} filter={{ lockedUntil_gte: now }} testId="accounts-locked" alert />
          <CountCard resource="Account" label={t('inactive')} unit={t('accounts_unit')} filter={{ isActive: false }} testId="accounts-inactive" />
          {roles.includes('SECURITY_ADMIN') ? (
            <CountCard resource="Account" label={t('failing')} unit={t('failing_unit')} filter={{ failedLoginCount_gte: 1 }} testId="accounts-failing" alert />
          ) : (
            <CountCard resource="Account" label={t('initial')} unit={t('accounts_unit')} filter={{ mustChangePassword: true }} testId="accounts-initial" />
          )}
          {roles.includes('SECURITY_ADMIN') && <SessionsCard />}
        </>
      )}
      {kept.map((r) => (
        <CountCard key={r} resource={r} label={getResourceLabel(r, 2)} unit={translate('app.records')} testId={`count-${r}`} />
      ))}
      {audit && (
        <>
          <CountCard resource="AuditEvent" label={t('audit_today')} unit={translate('app.records')} filter={{ occurredAt_gte: dayStart(today) }} testId="audit-today" />
          <CountCard resource="AuditEvent" label={t('denied')} unit={t('denied_unit')} filter={{ result: 'DENIED', occurredAt_gte: week }} testId="audit-denied" alert />
          <CountCard resource="AuditEvent" label={t('login_failed', { action: auditEnumLabel('actions', 'LOGIN_FAILED', translate) })} unit={translate('app.dashboard.units.times')} filter={{ action: 'LOGIN_FAILED', occurredAt_gte: week }} testId="audit-login-failed" alert />
          <RecentAuditEvents />
        </>
      )}
    </Box>
  );
}
