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
} from 'react-admin';
import { ExportButton } from '../export/ExportButton';
import { todayInChina } from '../letters/deadlines';
import { graphql } from '../providers/authProvider';
import type { ResourceModel } from '../providers/schema';
import { hasRole } from '../providers/access';
import { Fact } from '../schema-ui/Fact';
import { useEnumLabel } from '../schema-ui/fields';
import { openingState, type MailboxValue } from './mailboxes';
import { OPENS_MAILBOXES, READS_MAILBOX_REGISTER } from './roles';


function OpeningChip({ record }: { record: any }) {
  if (!record?.openingDueOn || !record.isActive) return record && !record.isActive ? <Chip size="small" label="已停用" /> : null;
  const s = openingState(record, todayInChina());
  return <Chip size="small" color={s.tone} label={s.text} title={`应于 ${record.openingDueOn} 前开启`} />;
}

function OpenButton({ record }: { record: any }) {
  const { permissions } = usePermissions();
  if (!record?.isActive || !hasRole(permissions, OPENS_MAILBOXES)) return null;
  return (
    <MuiButton size="small" variant="contained" component={Link} to={`/Mailbox/${record.id}/open`} onClick={(e) => e.stopPropagation()} startIcon={<MarkunreadMailboxIcon />}>
      开启信箱
    </MuiButton>
  );
}

/** MB2: the mailboxes past their opening period, the longest overdue first, above the list. */
function OverdueMailboxes() {
  const [state, setState] = useState<{ rows: any[]; count: number } | null>(null);
  const createPath = useCreatePath();
  useEffect(() => {
    graphql<{ overdueMailboxes: any[]; _overdueMailboxesMeta: { count: number } }>(
      `{ overdueMailboxes(perPage: 5) { id name openingDueOn } _overdueMailboxesMeta { count } }`,
    ).then((d) => setState({ rows: d.overdueMailboxes, count: d._overdueMailboxesMeta.count }), () => setState(null));
  }, []);
  if (!state?.count) return null;
  const today = todayInChina();
  return (
    <Alert severity="warning" sx={{ mb: 1 }} data-testid="overdue-mailboxes">
      超过开启周期未开启的信箱 {state.count} 个：
      {state.rows.map((m, i) => (
        <span key={m.id}>
          {i > 0 && '、'}
          <MuiLink component={Link} to={createPath({ resource: 'Mailbox', id: m.id, type: 'show' })}>
            {m.name}
          </MuiLink>
          （{openingState(m, today).text}）
        </span>
      ))}
      {state.count > state.rows.length && ' 等'}
    </Alert>
  );
}

/** 委员信箱: each with its lead member and when it is due to be opened (MB1, MB2). */
export function MailboxList({ mailboxes }: { mailboxes: ResourceModel }) {
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  const { permissions } = usePermissions();
  return (
    <List
      filters={[<SearchInput source="q" key="q" alwaysOn />]}
      sort={{ field: 'lastOpenedOn', order: 'ASC' }}
      actions={
        <TopToolbar>
          {hasRole(permissions, READS_MAILBOX_REGISTER) && (
            <MuiButton size="small" component={Link} to="/mailbox-register">
              信箱工作台账
            </MuiButton>
          )}
          {mailboxes.createArgs && <CreateButton label="设立信箱" />}
          <ExportButton />
        </TopToolbar>
      }
      empty={
        <Stack data-testid="list-empty" spacing={1} sx={{ p: 2 }}>
          <Typography>还没有委员信箱。</Typography>
          <Typography variant="body2" color="text.secondary">
            办公室设立信箱并确定负责委员后，信箱在这里列出。
          </Typography>
        </Stack>
      }
    >
      <OverdueMailboxes />
      {phone ? (
        <SimpleList linkType="show" primaryText={(r: any) => r.name} secondaryText={(r: any) => `负责委员 ${r.leadMemberName ?? ''} · 最近开启 ${r.lastOpenedOn ?? '尚未开启'}`} tertiaryText={(r: any) => <OpeningChip record={r} />} />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="code" label="编码" sx={{ whiteSpace: 'nowrap' }} />
          <DataTable.Col source="name" label="信箱" />
          <DataTable.Col source="community" label="所在社区" />
          <DataTable.Col source="leadMemberName" label="负责委员" disableSort sx={{ whiteSpace: 'nowrap' }} />
          <DataTable.Col source="lastOpenedOn" label="最近开启" sx={{ whiteSpace: 'nowrap' }} render={(r: any) => r.lastOpenedOn ?? '尚未开启'} />
          <DataTable.Col source="openingDueOn" label="开启时限" disableSort render={(r: any) => <OpeningChip record={r} />} />
          <DataTable.Col source="id" label="" disableSort render={(r: any) => <OpenButton record={r} />} />
        </DataTable>
      )}
    </List>
  );
}

function MailboxSummary() {
  const r = useRecordContext<any>();
  const { data: group } = useGetOne('LiaisonGroup', { id: r?.liaisonGroupId }, { enabled: !!r?.liaisonGroupId });
  if (!r) return null;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <Typography variant="h6" component="h2">
          {r.name}
        </Typography>
        <OpeningChip record={r} />
      </Stack>
      <Stack direction="row" spacing={3} rowGap={1.5} flexWrap="wrap" useFlexGap>
        <Fact label="编码" value={r.code} />
        <Fact label="所在社区" value={r.community} />
        <Fact label="设置地点" value={r.address} />
        <Fact label="负责委员" value={r.leadMemberName} />
        <Fact label="轮值委员" value={r.rotationMemberIds?.length ? `${r.rotationMemberIds.length} 人` : null} />
        <Fact label="委员活动小组" value={group?.name} />
        <Fact label="小组组长（批准代开）" value={group?.leaderMemberName} />
        <Fact label="设立日期" value={r.installedOn} />
        <Fact label="开启周期" value={r.openingPeriodDays ? `${r.openingPeriodDays} 天` : '半个月（按机构规定）'} />
        <Fact label="最近开启" value={r.lastOpenedOn ?? '尚未开启'} />
        <Fact label="应于此日前开启" value={r.openingDueOn} />
      </Stack>
      <div>
        <OpenButton record={r} />
      </div>
    </Stack>
  );
}

/** A mailbox: its facts, the button to open it, every opening (MB3) and the letters registered from it. */
const openerText = (o: any) => `${o.openedByMemberName ?? ''}${o.isSubstitute ? '（代开）' : ''}`;

export function MailboxShow() {
  const enumLabel = useEnumLabel();
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  return (
    <Show title={<MailboxTitle />}>
      <Card variant="outlined" sx={{ border: 0 }}>
        <CardContent>
          <Stack spacing={2}>
            <MailboxSummary />
            <Divider />
            <Typography variant="subtitle1" component="h3">
              开启记录
            </Typography>
            <ReferenceManyField reference="MailboxOpening" target="mailboxId" sort={{ field: 'openedOn', order: 'DESC' }} perPage={20} empty={<Typography variant="body2" color="text.secondary">尚无开启记录。</Typography>}>
              {phone ? (
                <SimpleList linkType={false} primaryText={(o: any) => `${o.openedOn} ${openerText(o)}`} secondaryText={(o: any) => `收到信件 ${o.letterCount} 封${o.notes ? ` · ${o.notes}` : ''}`} />
              ) : (
                <DataTable bulkActionButtons={false} rowClick={false} sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}>
                  <DataTable.Col source="openedOn" label="开启日期" sx={{ whiteSpace: 'nowrap' }} />
                  <DataTable.Col source="openedByMemberName" label="开启委员" sx={{ whiteSpace: 'nowrap' }} render={openerText} />
                  <DataTable.Col source="letterCount" label="收到信件" sx={{ whiteSpace: 'nowrap' }} render={(o: any) => `${o.letterCount} 封`} />
                  <DataTable.Col source="notes" label="备注" />
                </DataTable>
              )}
            </ReferenceManyField>
            <Typography variant="subtitle1" component="h3">
              信箱来信
            </Typography>
            <ReferenceManyField reference="Letter" target="mailboxId" sort={{ field: 'id', order: 'DESC' }} perPage={20} empty={<Typography variant="body2" color="text.secondary">尚无来信。</Typography>}>
              {phone ? (
                <SimpleList linkType="show" resource="Letter" primaryText={(l: any) => l.title} secondaryText={(l: any) => `${l.serialNumber} · ${l.receivedOn} · ${enumLabel('LetterStatus', l.status)}`} />
              ) : (
                <DataTable bulkActionButtons={false} rowClick="show" sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}>
                  <DataTable.Col source="serialNumber" label="编号" sx={{ whiteSpace: 'nowrap' }} />
                  <DataTable.Col source="title" label="标题" />
                  <DataTable.Col source="receivedOn" label="收到日期" sx={{ whiteSpace: 'nowrap' }} />
                  <DataTable.Col source="status" label="状态" sx={{ whiteSpace: 'nowrap' }} render={(l: any) => enumLabel('LetterStatus', l.status)} />
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
  return <span>{r ? r.name : '委员信箱'}</span>;
}
