import { Alert, Button as MuiButton, Card, CardContent, Chip, Divider, Link as MuiLink, Stack, Typography, useMediaQuery } from '@mui/material';
import MarkunreadMailboxIcon from '@mui/icons-material/MarkunreadMailbox';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  CreateButton,
  DataTable,
  List,
  ReferenceManyField,
  SearchInput,
  Show,
  SimpleList,
  TopToolbar,
  useCreatePath,
  useGetOne,
  usePermissions,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { ExportButton } from '../export/ExportButton';
import { todayInChina } from '../letters/deadlines';
import { graphql } from '../providers/authProvider';
import type { ResourceModel } from '../providers/schema';
import { hasRole } from '../providers/access';
import { Fact } from '../schema-ui/Fact';
import { useEnumLabel } from '../schema-ui/fields';
import { openingState, type MailboxValue } from './mailboxes';
import type { Translate } from '../i18n/translate';
import { OPENS_MAILBOXES, READS_MAILBOX_REGISTER } from './roles';


function OpeningChip({ record }: { record: any }) {
  const translate = useTranslate();
  if (!record?.openingDueOn || !record.isActive) return record && !record.isActive ? <Chip size="small" label={translate('app.mailboxes.inactive')} /> : null;
  const s = openingState(record, todayInChina(), translate);
  return <Chip size="small" color={s.tone} label={s.text} title={translate('app.mailboxes.due_by', { day: record.openingDueOn })} />;
}

function OpenButton({ record }: { record: any }) {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  if (!record?.isActive || !hasRole(permissions, OPENS_MAILBOXES)) return null;
  return (
    <MuiButton size="small" variant="contained" component={Link} to={`/Mailbox/${record.id}/open`} onClick={(e) => e.stopPropagation()} startIcon={<MarkunreadMailboxIcon />}>
      {translate('app.mailboxes.open')}
    </MuiButton>
  );
}

/** MB2: the mailboxes past their opening period, the longest overdue first, above the list. */
function OverdueMailboxes() {
  const [state, setState] = useState<{ rows: any[]; count: number } | null>(null);
  const createPath = useCreatePath();
  const translate = useTranslate();
  useEffect(() => {
    graphql<{ overdueMailboxes: any[]; _overdueMailboxesMeta: { count: number } }>(
      `{ overdueMailboxes(perPage: 5) { id name openingDueOn } _overdueMailboxesMeta { count } }`,
    ).then((d) => setState({ rows: d.overdueMailboxes, count: d._overdueMailboxesMeta.count }), () => setState(null));
  }, []);
  if (!state?.count) return null;
  const today = todayInChina();
  return (
    <Alert severity="warning" sx={{ mb: 1 }} data-testid="overdue-mailboxes">
      {translate('app.mailboxes.overdue', { smart_count: state.count })}
      {state.rows.map((m, i) => (
        <span key={m.id}>
          {i > 0 && translate('app.list_separator')}
          <MuiLink component={Link} to={createPath({ resource: 'Mailbox', id: m.id, type: 'show' })} data-record-text>
            {m.name}
          </MuiLink>
          {translate('app.mailboxes.overdue_item', { state: openingState(m, today, translate).text })}
        </span>
      ))}
      {state.count > state.rows.length && translate('app.mailboxes.and_more')}
    </Alert>
  );
}

/** 委员信箱: each with its lead member and when it is due to be opened (MB1, MB2). */
export function MailboxList({ mailboxes }: { mailboxes: ResourceModel }) {
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const never = translate('app.mailboxes.never_opened');
  return (
    <List
      filters={[<SearchInput source="q" key="q" alwaysOn />]}
      sort={{ field: 'lastOpenedOn', order: 'ASC' }}
      actions={
        <TopToolbar>
          {hasRole(permissions, READS_MAILBOX_REGISTER) && (
            <MuiButton size="small" component={Link} to="/mailbox-register">
              {translate('app.mailboxes.register')}
            </MuiButton>
          )}
          {mailboxes.createArgs && <CreateButton label="app.mailboxes.create" />}
          <ExportButton />
        </TopToolbar>
      }
      empty={
        <Stack data-testid="list-empty" spacing={1} sx={{ p: 2 }}>
          <Typography>{translate('app.mailboxes.empty')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.mailboxes.empty_hint')}
          </Typography>
        </Stack>
      }
    >
      <OverdueMailboxes />
      {phone ? (
        <SimpleList linkType="show" primaryText={(r: any) => r.name} secondaryText={(r: any) => translate('app.mailboxes.phone_line', { lead: r.leadMemberName ?? '', last: r.lastOpenedOn ?? never })} tertiaryText={(r: any) => <OpeningChip record={r} />} />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="code" label="app.mailboxes.fields.code" sx={{ whiteSpace: 'nowrap' }} />
          <DataTable.Col source="name" label="app.mailboxes.fields.name" />
          <DataTable.Col source="community" label="app.mailboxes.fields.community" />
          <DataTable.Col source="leadMemberName" label="app.mailboxes.fields.lead" disableSort sx={{ whiteSpace: 'nowrap' }} />
          <DataTable.Col source="lastOpenedOn" label="app.mailboxes.fields.lastOpenedOn" sx={{ whiteSpace: 'nowrap' }} render={(r: any) => r.lastOpenedOn ?? never} />
          <DataTable.Col source="openingDueOn" label="app.mailboxes.fields.openingDue" disableSort render={(r: any) => <OpeningChip record={r} />} />
          <DataTable.Col source="id" label="" disableSort render={(r: any) => <OpenButton record={r} />} />
        </DataTable>
      )}
    </List>
  );
}

function MailboxSummary() {
  const r = useRecordContext<any>();
  const { data: group } = useGetOne('LiaisonGroup', { id: r?.liaisonGroupId }, { enabled: !!r?.liaisonGroupId });
  const translate = useTranslate();
  if (!r) return null;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <Typography variant="h6" component="h2" data-record-text>
          {r.name}
        </Typography>
        <OpeningChip record={r} />
      </Stack>
      <Stack direction="row" spacing={3} rowGap={1.5} flexWrap="wrap" useFlexGap>
        <Fact label="app.mailboxes.fields.code" value={r.code} />
        <Fact label="app.mailboxes.fields.community" value={r.community} />
        <Fact label="app.mailboxes.fields.address" value={r.address} />
        <Fact label="app.mailboxes.fields.lead" value={r.leadMemberName} />
        <Fact label="app.mailboxes.fields.rotation" value={r.rotationMemberIds?.length ? translate('app.mailboxes.people', { smart_count: r.rotationMemberIds.length }) : null} />
        <Fact label="app.mailboxes.fields.group" value={group?.name} />
        <Fact label="app.mailboxes.fields.group_leader" value={group?.leaderMemberName} />
        <Fact label="app.mailboxes.fields.installedOn" value={r.installedOn} />
        <Fact label="app.mailboxes.fields.period" value={r.openingPeriodDays ? translate('app.mailboxes.days', { smart_count: r.openingPeriodDays }) : translate('app.mailboxes.default_period')} />
        <Fact label="app.mailboxes.fields.lastOpenedOn" value={r.lastOpenedOn ?? translate('app.mailboxes.never_opened')} />
        <Fact label="app.mailboxes.fields.dueOn" value={r.openingDueOn} />
      </Stack>
      <div>
        <OpenButton record={r} />
      </div>
    </Stack>
  );
}

/** A mailbox: its facts, the button to open it, every opening (MB3) and the letters registered from it. */
const openerText = (o: any, t: Translate) => `${o.openedByMemberName ?? ''}${o.isSubstitute ? t('app.mailboxes.substitute') : ''}`;

export function MailboxShow() {
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  return (
    <Show title={<MailboxTitle />}>
      <Card variant="outlined" sx={{ border: 0 }}>
        <CardContent>
          <Stack spacing={2}>
            <MailboxSummary />
            <Divider />
            <Typography variant="subtitle1" component="h3">
              {translate('app.mailboxes.openings')}
            </Typography>
            <ReferenceManyField reference="MailboxOpening" target="mailboxId" sort={{ field: 'openedOn', order: 'DESC' }} perPage={20} empty={<Typography variant="body2" color="text.secondary">{translate('app.mailboxes.no_openings')}</Typography>}>
              {phone ? (
                <SimpleList linkType={false} primaryText={(o: any) => `${o.openedOn} ${openerText(o, translate)}`} secondaryText={(o: any) => `${translate('app.mailboxes.found', { smart_count: o.letterCount })}${o.notes ? ` · ${o.notes}` : ''}`} />
              ) : (
                <DataTable bulkActionButtons={false} rowClick={false} sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}>
                  <DataTable.Col source="openedOn" label="app.mailboxes.fields.openedOn" sx={{ whiteSpace: 'nowrap' }} />
                  <DataTable.Col source="openedByMemberName" label="app.mailboxes.fields.opener" sx={{ whiteSpace: 'nowrap' }} render={(o: any) => openerText(o, translate)} />
                  <DataTable.Col source="letterCount" label="app.mailboxes.fields.letterCount" sx={{ whiteSpace: 'nowrap' }} render={(o: any) => translate('app.mailboxes.letters', { smart_count: o.letterCount })} />
                  <DataTable.Col source="notes" label="app.mailboxes.fields.notes" />
                </DataTable>
              )}
            </ReferenceManyField>
            <Typography variant="subtitle1" component="h3">
              {translate('app.mailboxes.mailbox_letters')}
            </Typography>
            <ReferenceManyField reference="Letter" target="mailboxId" sort={{ field: 'id', order: 'DESC' }} perPage={20} empty={<Typography variant="body2" color="text.secondary">{translate('app.mailboxes.no_letters')}</Typography>}>
              {phone ? (
                <SimpleList linkType="show" resource="Letter" primaryText={(l: any) => l.title} secondaryText={(l: any) => `${l.serialNumber} · ${l.receivedOn} · ${enumLabel('LetterStatus', l.status)}`} />
              ) : (
                <DataTable bulkActionButtons={false} rowClick="show" sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}>
                  <DataTable.Col source="serialNumber" label="app.letters.fields.serialNumber" sx={{ whiteSpace: 'nowrap' }} />
                  <DataTable.Col source="title" label="app.letters.fields.title" />
                  <DataTable.Col source="receivedOn" label="app.letters.fields.receivedOn" sx={{ whiteSpace: 'nowrap' }} />
                  <DataTable.Col source="status" label="app.letters.fields.status" sx={{ whiteSpace: 'nowrap' }} render={(l: any) => enumLabel('LetterStatus', l.status)} />
                </DataTable>
              )}
            </ReferenceManyField>
          </Stack>
        </CardContent>
      </Card>
    </Show>
  );
}

function MailboxTitle() {
  const r = useRecordContext<MailboxValue>();
  const translate = useTranslate();
  return <span>{r ? r.name : translate('app.mailboxes.title_plain')}</span>;
}
