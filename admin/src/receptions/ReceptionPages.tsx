import { Alert, Button as MuiButton, Card, CardContent, Divider, Link as MuiLink, List as MuiList, ListItem, ListItemText, Stack, Typography, useMediaQuery } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { DataTable, List, Loading, ReferenceManyField, SearchInput, Show, SimpleList, Title, TopToolbar, useCreatePath, useGetMany, useGetOne, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { ExportButton } from '../export/ExportButton';
import { graphql, type ApiError } from '../providers/authProvider';
import type { ResourceModel } from '../providers/schema';
import { hasRole } from '../providers/access';
import { Fact } from '../schema-ui/Fact';
import { useEnumLabel } from '../schema-ui/fields';
import { STATION_COMPLIANCE, lastReceptionText } from './receptions';
import { READS_COMPLIANCE, RECORDS_RECEPTIONS } from './roles';


function RecordButton() {
  const { permissions } = usePermissions();
  if (!hasRole(permissions, RECORDS_RECEPTIONS)) return null;
  return (
    <MuiButton size="small" variant="contained" component={Link} to="/Reception/record" startIcon={<AddIcon />}>
      记录接待活动
    </MuiButton>
  );
}

/** 接待活动: the newest first, each with its station, form and how many were received. */
export function ReceptionList({ receptions }: { receptions: ResourceModel }) {
  const enumLabel = useEnumLabel();
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  const { permissions } = usePermissions();
  return (
    <List
      resource={receptions.name}
      filters={[<SearchInput source="q" key="q" alwaysOn />]}
      sort={{ field: 'heldOn', order: 'DESC' }}
      actions={
        <TopToolbar>
          {hasRole(permissions, READS_COMPLIANCE) && (
            <MuiButton size="small" component={Link} to="/station-compliance">
              联络站接待情况
            </MuiButton>
          )}
          <RecordButton />
          <ExportButton />
        </TopToolbar>
      }
      empty={
        <Stack data-testid="list-empty" spacing={2} sx={{ p: 2 }} alignItems="flex-start">
          <Typography>还没有接待活动。</Typography>
          <Typography variant="body2" color="text.secondary">
            联络站每两个月至少接待一次群众，每次接待后在这里记录。
          </Typography>
          <RecordButton />
        </Stack>
      }
    >
      {phone ? (
        <SimpleList linkType="show" primaryText={(r: any) => r.topic ?? enumLabel('ReceptionForm', r.form)} secondaryText={(r: any) => `${r.heldOn} · ${r.liaisonStationName ?? ''}`} />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="heldOn" label="接待日期" sx={{ whiteSpace: 'nowrap' }} />
          <DataTable.Col source="liaisonStationName" label="代表联络站" disableSort />
          <DataTable.Col source="form" label="接待形式" sx={{ whiteSpace: 'nowrap' }} render={(r: any) => enumLabel('ReceptionForm', r.form)} />
          <DataTable.Col source="topic" label="主题" />
          <DataTable.Col source="deputyIds" label="接待代表人数" disableSort render={(r: any) => `${r.deputyIds?.length ?? 0} 人`} />
          <DataTable.Col source="visitorCount" label="接待群众" render={(r: any) => (r.visitorCount == null ? '' : `${r.visitorCount} 人`)} />
        </DataTable>
      )}
    </List>
  );
}

function ReceptionSummary() {
  const r = useRecordContext<any>();
  const enumLabel = useEnumLabel();
  const { data: deputies } = useGetMany<any>('Member', { ids: r?.deputyIds ?? [] }, { enabled: !!r?.deputyIds?.length });
  const { data: officer } = useGetOne<any>('StationStaff', { id: r?.liaisonOfficerId }, { enabled: !!r?.liaisonOfficerId });
  if (!r) return null;
  return (
    <Stack spacing={1.5}>
      <Typography variant="h6" component="h2">
        {r.topic ?? `${enumLabel('ReceptionForm', r.form)}接待`}
      </Typography>
      <Stack direction="row" spacing={3} rowGap={1.5} flexWrap="wrap" useFlexGap>
        <Fact label="代表联络站" value={r.liaisonStationName} />
        <Fact label="接待日期" value={r.heldOn} />
        <Fact label="接待形式" value={enumLabel('ReceptionForm', r.form)} />
        <Fact label="地点" value={r.location} />
        <Fact label="接待代表" value={(deputies ?? []).map((d) => d.name).join('、') || null} />
        <Fact label="联络员" value={officer?.name} />
        <Fact label="接待群众" value={r.visitorCount == null ? null : `${r.visitorCount} 人`} />
      </Stack>
      {r.summary && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {r.summary}
        </Typography>
      )}
    </Stack>
  );
}

/** A reception: who received, and every issue raised with where it stands (ST4). */
const writerOf = (l: any) => (l.isAnonymous ? '匿名' : (l.writerName ?? ''));

export function ReceptionShow() {
  const enumLabel = useEnumLabel();
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  return (
    <Show title={<ReceptionTitle />}>
      <Card variant="outlined" sx={{ border: 0 }}>
        <CardContent>
          <Stack spacing={2}>
            <ReceptionSummary />
            <Divider />
            <Typography variant="subtitle1" component="h3">
              群众反映的问题
            </Typography>
            <ReferenceManyField reference="Letter" target="receptionId" sort={{ field: 'id', order: 'ASC' }} perPage={50} empty={<Typography variant="body2" color="text.secondary">本次接待没有登记问题。</Typography>}>
              {phone ? (
                <SimpleList linkType="show" resource="Letter" primaryText={(l: any) => l.title} secondaryText={(l: any) => `${l.serialNumber} · ${writerOf(l)} · ${enumLabel('LetterStatus', l.status)}`} />
              ) : (
                <DataTable bulkActionButtons={false} rowClick="show" sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}>
                  <DataTable.Col source="serialNumber" label="编号" sx={{ whiteSpace: 'nowrap' }} />
                  <DataTable.Col source="title" label="问题" />
                  <DataTable.Col source="writerName" label="反映人" disableSort sx={{ whiteSpace: 'nowrap' }} render={writerOf} />
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

function ReceptionTitle() {
  const r = useRecordContext<any>();
  return <span>{r ? `接待活动 ${r.heldOn}` : '接待活动'}</span>;
}

/**
 * 联络站接待情况 (ST1, ST2): the stations short of deputies, the stations with no reception in two
 * months, and the deputies who have received no one this year — shortfalls listed, never refused.
 */
export function StationCompliancePage() {
  const [data, setData] = useState<any>(null);
  const [error, setError] = useState<string | null>(null);
  const createPath = useCreatePath();
  const translate = useTranslate();
  useEffect(() => {
    graphql<any>(STATION_COMPLIANCE).then(setData, (e: ApiError) => setError(e.message));
  }, []);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return <Loading />;
  const stationLink = (id: string, name: string) => (
    <MuiLink component={Link} to={createPath({ resource: 'LiaisonStation', id, type: 'show' })}>
      {name}
    </MuiLink>
  );
  const section = (title: string, rule: string, count: number, list: React.ReactNode, testId: string) => (
    <Card variant="outlined" data-testid={testId}>
      <CardContent>
        <Typography variant="subtitle1" component="h2">
          {title}（{count}）
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {rule}
        </Typography>
        {count ? list : <Typography variant="body2" sx={{ mt: 1 }} color="success.main">全部达到要求。</Typography>}
      </CardContent>
    </Card>
  );
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Title title={translate('app.pages.station-compliance', { _: '联络站接待情况' })} />
      {section(
        '近两个月未接待的联络站',
        '每个联络站每两个月至少开展一次接待活动（网上联络站除外）。',
        data.stationsWithoutRecentReception.length,
        <MuiList dense>
          {data.stationsWithoutRecentReception.map((s: any) => (
            <ListItem key={s.liaisonStationId} disableGutters>
              <ListItemText primary={stationLink(s.liaisonStationId, s.liaisonStationName)} secondary={`${lastReceptionText(s.lastReceptionOn)}，应在 ${s.dueSince} 以后接待过一次`} />
            </ListItem>
          ))}
        </MuiList>,
        'stations-without-reception',
      )}
      {section(
        '本年度未参加接待的代表',
        '每位进站代表每年至少参加一次接待活动。',
        data.deputiesWithoutReceptionThisYear.length,
        <Typography variant="body2" sx={{ mt: 1 }}>
          {data.deputiesWithoutReceptionThisYear.map((m: any) => m.name).join('、')}
        </Typography>,
        'deputies-without-reception',
      )}
      {section(
        '进站代表不足 2 名的联络站',
        '每个联络站至少有 2 名进站代表，并确定 1 名召集代表和 1 名联络员。',
        data.stationsWithTooFewDeputies.length,
        <MuiList dense>
          {data.stationsWithTooFewDeputies.map((s: any) => (
            <ListItem key={s.id} disableGutters>
              <ListItemText primary={stationLink(s.id, s.name)} secondary={`名单上进站代表 ${s.deputyIds.length} 名（任期已满的不计）${s.deputyInChargeName ? `，召集代表 ${s.deputyInChargeName}` : ''}`} />
            </ListItem>
          ))}
        </MuiList>,
        'stations-too-few-deputies',
      )}
    </Stack>
  );
}
