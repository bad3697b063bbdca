import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
  useMediaQuery,
  type Theme,
} from '@mui/material';
import LogoutIcon from '@mui/icons-material/Logout';
import { Confirm, Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';
import type { ApiError } from '../providers/authProvider';
import { chinaDateTime } from '../letters/deadlines';
import { endSessionsOf, useActiveSessions, type ActiveSession } from './sessions';

/** An account as the console's lists name it (the display names of the demo carry brackets of their own). */
const who = (s: ActiveSession) => `${s.displayName} · ${s.username}`;

/** The button of one row: a confirm dialog, then revokeSessions for the row's account. */
function EndSessionsButton({ session, own, onDone }: { session: ActiveSession; own: boolean; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const notify = useNotify();
  const translate = useTranslate();
  const END = translate('app.sessions.end');
  if (own) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.sessions.own')}
      </Typography>
    );
  }
  const confirm = async () => {
    setBusy(true);
    try {
      const n = await endSessionsOf(session.accountId);
      notify('app.sessions.ended', { type: 'success', messageArgs: { who: who(session), smart_count: n } });
    } catch (e) {
      notify((e as ApiError).message, { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
      onDone();
    }
  };
  return (
    <>
      <Button size="small" color="warning" variant="outlined" startIcon={<LogoutIcon />} onClick={() => setOpen(true)} aria-label={translate('app.sessions.end_for', { username: session.username })}>
        {END}
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="app.sessions.end_title"
        content={translate('app.sessions.end_confirm', { who: who(session) })}
        confirm="app.sessions.end_title"
        confirmColor="warning"
        onConfirm={confirm}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

const COLUMNS: Array<{ label: string; value: (s: ActiveSession) => string }> = [
  { label: 'app.sessions.fields.username', value: (s) => s.username },
  { label: 'app.sessions.fields.name', value: (s) => s.displayName },
  { label: 'app.sessions.fields.createdAt', value: (s) => chinaDateTime(s.createdAt) },
  { label: 'app.sessions.fields.lastSeenAt', value: (s) => chinaDateTime(s.lastSeenAt) },
  { label: 'app.sessions.fields.expiresAt', value: (s) => chinaDateTime(s.expiresAt) },
  { label: 'app.sessions.fields.ip', value: (s) => s.ip ?? '—' },
];

/**
 * 在线会话 (等保 会话管理): the sessions the server still accepts, for the system and security
 * administrators; each row ends its account's sessions. Times are Beijing time.
 */
export function SessionsPage() {
  const { sessions, error, reload } = useActiveSessions();
  const { identity } = useGetIdentity();
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  const own = (s: ActiveSession) => identity != null && String(identity.id) === s.accountId;
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.pages.sessions" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.sessions.intro')}
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {sessions && sessions.length === 0 && <Alert severity="info">{translate('app.sessions.none')}</Alert>}
      {sessions && sessions.length > 0 && phone && (
        <Stack spacing={1.5} data-testid="sessions">
          {sessions.map((s) => (
            <Card key={s.id} variant="outlined" data-testid="session-row" data-username={s.username}>
              <CardContent>
                <Typography variant="subtitle1" component="h2">
                  {who(s)}
                </Typography>
                {COLUMNS.slice(2).map((c) => (
                  <Typography key={c.label} variant="body2" color="text.secondary">
                    {translate('app.common.filter_chip', { field: translate(c.label), value: c.value(s) })}
                  </Typography>
                ))}
                <Box sx={{ mt: 1 }}>
                  <EndSessionsButton session={s} own={own(s)} onDone={reload} />
                </Box>
              </CardContent>
            </Card>
          ))}
        </Stack>
      )}
      {sessions && sessions.length > 0 && !phone && (
        <Card>
          <TableContainer>
            <Table size="small" data-testid="sessions">
              <TableHead>
                <TableRow>
                  {COLUMNS.map((c) => (
                    <TableCell key={c.label}>{translate(c.label)}</TableCell>
                  ))}
                  <TableCell align="right">{translate('app.sessions.actions')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {sessions.map((s) => (
                  <TableRow key={s.id} data-testid="session-row" data-username={s.username}>
                    {COLUMNS.map((c) => (
                      <TableCell key={c.label} sx={{ whiteSpace: 'nowrap' }}>
                        {c.value(s)}
                      </TableCell>
                    ))}
                    <TableCell align="right">
                      <EndSessionsButton session={s} own={own(s)} onDone={reload} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </Card>
      )}
    </Box>
  );
}
