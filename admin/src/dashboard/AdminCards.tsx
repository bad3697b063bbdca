import { useState } from 'react';
import { Box, Card, CardActionArea, CardContent, Chip, List as MuiList, ListItemButton, ListItemText, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useCreatePath, useGetList, useGetResourceLabel } from 'react-admin';
import { ACTION_LABELS, auditActionLabel, auditActorLabel, dayStart, operationLabels } from '../audit/labels';
import { addDays, chinaDateTime, todayInChina } from '../letters/deadlines';
import { canCall, canRead } from '../providers/access';
import { introspection, schemaModel } from '../providers/dataProvider';
import { useEnumLabel } from '../schema-ui/fields';
import { CountCard } from './CountCard';
import { SessionsCard } from '../sessions/SessionsCard';

const OPERATIONS = operationLabels(introspection);
const RESOURCES = new Map(schemaModel.resources.map((r) => [r.name, r.label]));

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
  return (
    <Card variant="outlined" sx={{ flex: '1 1 320px', maxWidth: 520 }}>
      <CardActionArea component={Link} to={all}>
        <CardContent sx={{ pb: 0 }}>
          <Typography variant="subtitle1" color="text.secondary">
            最近的审计记录
          </Typography>
        </CardContent>
      </CardActionArea>
      <MuiList dense data-testid="audit-recent">
        {isPending ? null : (data ?? []).map((e: any) => (
          <ListItemButton key={e.id} component={Link} to={`${all}/${e.id}/show`}>
            <ListItemText primary={`${auditActorLabel(e)} · ${auditActionLabel(e, OPERATIONS, RESOURCES)}`} secondary={chinaDateTime(e.occurredAt)} />
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
  // the system administrator also keeps the bodies and their working units
  const kept = ['Body', 'Organization'].filter((r) => canCall(roles, 'create', r));
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 2, mb: 2 }}>
      {accounts && (
        <>
          <CountCard resource="Account" label="账号" unit="个账号" testId="accounts-all" />
          <CountCard resource="Account" label="已锁定" unit="个账号（登录失败过多）" filter={{ lockedUntil_gte: now }} testId="accounts-locked" alert />
          <CountCard resource="Account" label="已停用" unit="个账号" filter={{ isActive: false }} testId="accounts-inactive" />
          {roles.includes('SECURITY_ADMIN') ? (
            <CountCard resource="Account" label="有登录失败" unit="个账号（连续失败未清零）" filter={{ failedLoginCount_gte: 1 }} testId="accounts-failing" alert />
          ) : (
            <CountCard resource="Account" label="待修改初始密码" unit="个账号" filter={{ mustChangePassword: true }} testId="accounts-initial" />
          )}
          {roles.includes('SECURITY_ADMIN') && <SessionsCard />}
        </>
      )}
      {kept.map((r) => (
        <CountCard key={r} resource={r} label={getResourceLabel(r, 2)} unit="条记录" testId={`count-${r}`} />
      ))}
      {audit && (
        <>
          <CountCard resource="AuditEvent" label="今日审计记录" unit="条记录" filter={{ occurredAt_gte: dayStart(today) }} testId="audit-today" />
          <CountCard resource="AuditEvent" label="近 7 日被拒绝" unit="条记录（越权、锁定等）" filter={{ result: 'DENIED', occurredAt_gte: week }} testId="audit-denied" alert />
          <CountCard resource="AuditEvent" label={`近 7 日${ACTION_LABELS.LOGIN_FAILED}`} unit="次" filter={{ action: 'LOGIN_FAILED', occurredAt_gte: week }} testId="audit-login-failed" alert />
          <RecentAuditEvents />
        </>
      )}
    </Box>
  );
}
