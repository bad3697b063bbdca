import { Alert, Box, Button as MuiButton, Card, CardContent, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useEffect, useState } from 'react';
import { Loading, Title, useGetList, useNotify, useTranslate } from 'react-admin';
import { downloadFile } from '../export/download';
import { todayInChina } from '../letters/deadlines';
import { graphql, type ApiError } from '../providers/authProvider';
import { Translated } from '../i18n/Translated';
import { MAILBOX_REGISTER, REGISTER_COLUMNS, registerXlsxUrl } from './mailboxes';

/**
 * 委员信箱工作台账 (MB7): per group, the year's openings and letters registered, handled, reported and
 * fed back; the table the liaison office sends to the city office in early January, as .xlsx.
 */
export function MailboxRegisterPage() {
  const thisYear = Number(todayInChina().slice(0, 4));
  const notify = useNotify();
  const translate = useTranslate();
  const { data: bodies, isPending } = useGetList<any>('Body', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' }, filter: { kind: 'CPPCC' } });
  const [bodyId, setBodyId] = useState<string>('');
  const [year, setYear] = useState(thisYear);
  const [stats, setStats] = useState<any>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!bodyId && bodies?.length) setBodyId(String(bodies[0].id));
  }, [bodies, bodyId]);
  useEffect(() => {
    if (!bodyId) return;
    setError(null);
    graphql<{ mailboxRegisterStatistics: any }>(MAILBOX_REGISTER, { bodyId, year }).then(
      (d) => setStats(d.mailboxRegisterStatistics),
      (e: ApiError) => setError(e.message),
    );
  }, [bodyId, year]);
  if (isPending) return <Loading />;
  const download = async () => {
    setBusy(true);
    const failed = await downloadFile(registerXlsxUrl(bodyId, year), `mailbox-register-${year}.xlsx`);
    if (failed) notify(failed.message, { type: 'error', messageArgs: failed.messageArgs });
    setBusy(false);
  };
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('app.pages.mailbox-register')} />
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }} sx={{ mb: 2 }}>
          <TextField select size="small" label={translate('app.mailboxes.body')} value={bodyId} onChange={(e) => setBodyId(e.target.value)} sx={{ width: { xs: '100%', sm: 240 }, flex: 'none' }}>
            {(bodies ?? []).map((b) => (
              <MenuItem key={b.id} value={String(b.id)}>
                {b.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField select size="small" label={translate('app.mailboxes.year')} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ width: { xs: '100%', sm: 140 }, flex: 'none' }}>
            {[thisYear, thisYear - 1, thisYear - 2].map((y) => (
              <MenuItem key={y} value={y}>
                {translate('app.mailboxes.year_of', { year: y })}
              </MenuItem>
            ))}
          </TextField>
          <MuiButton variant="outlined" startIcon={<DownloadIcon />} onClick={download} disabled={!bodyId || busy} sx={{ whiteSpace: 'nowrap', textTransform: 'none', flex: 'none' }}>
            {translate(busy ? 'app.export.busy' : 'app.mailboxes.export')}
          </MuiButton>
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.mailboxes.register_hint')}
        </Typography>
        {!bodies?.length && <Alert severity="info">{translate('app.mailboxes.no_bodies')}</Alert>}
        {error && <Alert severity="error">{error}</Alert>}
        {stats && (
          <Box sx={{ overflowX: 'auto', maxWidth: { xs: 'calc(100vw - 48px)', sm: '100%' } }}>
            <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
              <Translated k="app.mailboxes.register_title" args={{ year: stats.year }} records={{ body: stats.bodyName }} />
            </Typography>
            {stats.rows.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('app.mailboxes.register_empty')}
              </Typography>
            ) : (
              <Table size="small" aria-label={translate('app.pages.mailbox-register')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.mailboxes.fields.group')}</TableCell>
                    {REGISTER_COLUMNS.map((k) => (
                      <TableCell key={k} align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {translate(`app.mailboxes.register_columns.${k}`)}
                      </TableCell>
                    ))}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {[...stats.rows, { ...stats.total, liaisonGroupName: translate('app.mailboxes.total') }].map((row: any) => (
                    <TableRow key={row.liaisonGroupId ?? 'total'} sx={row.liaisonGroupId ? undefined : { '& td': { fontWeight: 600 } }}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{row.liaisonGroupName}</TableCell>
                      {REGISTER_COLUMNS.map((k) => (
                        <TableCell key={k} align="right">
                          {row[k]}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
