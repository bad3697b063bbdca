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
import type { Translate } from '../i18n/translate';
import { READS_COMPLIANCE, RECORDS_RECEPTIONS } from './roles';


function RecordButton() {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  if (!hasRole(permissions, RECORDS_RECEPTIONS)) return null;
  return (
    <MuiButton size="small" variant="contained" component={Link} to="/Reception/record" startIcon={<AddIcon />}>
      {translate('app.receptions.record')}
    </MuiButton>
  );
}

/** 接待活动: the newest first, each with its station, form and how many were received. */
export function ReceptionList({ receptions }: { receptions: ResourceModel }) {
  const enumLabel = useEnumLabel();
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  const { permissions } = usePermissions();
  const translate = useTranslate();
  return (
    <List
      resource={receptions.name}
      filters={[<SearchInput source="q" key="q" alwaysOn />]}
      sort={{ field: 'heldOn', order: 'DESC' }}
      actions={
        <TopToolbar>
          {hasRole(permissions, READS_COMPLIANCE) && (
            <MuiButton size="small" component={Link} to="/station-compliance">
              {translate('app.pages.station-compliance')}
            </MuiButton>
          )}
          <RecordButton />
          <ExportButton />
        </TopToolbar>
      }
      empty={
        <Stack data-testid="list-empty" spacing={2} sx={{ p: 2 }} alignItems="flex-start">
          <Typography>{translate('app.receptions.empty')}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate('app.receptions.empty_hint')}
          </Typography>
          <RecordButton />
        </Stack>
      }
    >
      {phone ? (
        <SimpleList linkType="show" primaryText={(r: any) => r.topic ?? enumLabel('ReceptionForm', r.form)} secondaryText={(r: any) => `${r.heldOn} · ${r.liaisonStationName ?? ''}`} />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <DataTable.Col source="heldOn" label="app.receptions.fields.heldOn" sx={{ whiteSpace: 'nowrap' }} />
          <DataTable.Col source="liaisonStationName" label="app.receptions.fields.station" disableSort />
          <DataTable.Col source="form" label="app.receptions.fields.form" sx={{ whiteSpace: 'nowrap' }} render={(r: any) => enumLabel('ReceptionForm', r.form)} />
          <DataTable.Col source="topic" label="app.receptions.fields.topic" />
          <DataTable.Col source="deputyIds" label="app.receptions.fields.deputy_count" disableSort render={(r: any) => translate('app.mailboxes.people', { smart_count: r.deputyIds?.length ?? 0 })} />
          <DataTable.Col source="visitorCount" label="app.receptions.fields.visitors" render={(r: any) => (r.visitorCount == null ? '' : translate('app.mailboxes.people', { smart_count: r.visitorCount }))} />
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
  const translate = useTranslate();
  if (!r) return null;
  return (
    <Stack spacing={1.5}>
      <Typography variant="h6" component="h2" data-record-text>
        {r.topic ?? translate('app.receptions.untitled', { form: enumLabel('ReceptionForm', r.form) })}
      </Typography>
      <Stack direction="row" spacing={3} rowGap={1.5} flexWrap="wrap" useFlexGap>
        <Fact label="app.receptions.fields.station" value={r.liaisonStationName} />
        <Fact label="app.receptions.fields.heldOn" value={r.heldOn} />
        <Fact label="app.receptions.fields.form" value={enumLabel('ReceptionForm', r.form)} />
        <Fact label="app.receptions.fields.location" value={r.location} />
        <Fact label="app.receptions.fields.deputies" value={(deputies ?? []).map((d) => d.name).join(translate('app.list_separator')) || null} />
        <Fact label="app.receptions.fields.officer" value={officer?.name} />
        <Fact label="app.receptions.fields.visitors" value={r.visitorCount == null ? null : translate('app.mailboxes.people', { smart_count: r.visitorCount })} />
      </Stack>
      {r.summary && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-record-text>
          {r.summary}
        </Typography>
      )}
    </Stack>
  );
}

/** A reception: who received, and every issue raised with where it stands (ST4). */
const writerOf = (l: any, t: Translate) => (l.isAnonymous ? t('app.letters.anonymous') : (l.writerName ?? ''));

export function ReceptionShow() {
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  return (
    <Show title={<ReceptionTitle />}>
      <Card variant="outlined" sx={{ border: 0 }}>
        <CardContent>
          <Stack spacing={2}>
            <ReceptionSummary />
            <Divider />
            <Typography variant="subtitle1" component="h3">
              {translate('app.receptions.issues')}
            </Typography>
            <ReferenceManyField reference="Letter" target="receptionId" sort={{ field: 'id', order: 'ASC' }} perPage={50} empty={<Typography variant="body2" color="text.secondary">{translate('app.receptions.no_issues')}</Typography>}>
              {phone ? (
                <SimpleList linkType="show" resource="Letter" primaryText={(l: any) => l.title} secondaryText={(l: any) => `${l.serialNumber} · ${writerOf(l, translate)} · ${enumLabel('LetterStatus', l.status)}`} />
              ) : (
                <DataTable bulkActionButtons={false} rowClick="show" sx={{ '& .MuiTableCell-head': { whiteSpace: 'nowrap' } }}>
                  <DataTable.Col source="serialNumber" label="app.letters.fields.serialNumber" sx={{ whiteSpace: 'nowrap' }} />
                  <DataTable.Col source="title" label="app.receptions.fields.issue" />
                  <DataTable.Col source="writerName" label="app.receptions.fields.writer" disableSort sx={{ whiteSpace: 'nowrap' }} render={(l: any) => writerOf(l, translate)} />
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

function ReceptionTitle() {
  const r = useRecordContext<any>();
  const translate = useTranslate();
  return <span>{r ? translate('app.receptions.title', { day: r.heldOn }) : translate('app.receptions.title_plain')}</span>;
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
          {translate('app.receptions.compliance.count', { title, count })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {rule}
        </Typography>
        {count ? list : <Typography variant="body2" sx={{ mt: 1 }} color="success.main">{translate('app.receptions.compliance.all_met')}</Typography>}
      </CardContent>
    </Card>
  );
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Title title={translate('app.pages.station-compliance')} />
      {section(
        translate('app.receptions.compliance.no_reception'),
        translate('app.receptions.compliance.no_reception_rule'),
        data.stationsWithoutRecentReception.length,
        <MuiList dense>
          {data.stationsWithoutRecentReception.map((s: any) => (
            <ListItem key={s.liaisonStationId} disableGutters>
              <ListItemText primary={stationLink(s.liaisonStationId, s.liaisonStationName)} secondary={translate('app.receptions.compliance.behind', { last: lastReceptionText(s.lastReceptionOn, translate), day: s.dueSince })} />
            </ListItem>
          ))}
        </MuiList>,
        'stations-without-reception',
      )}
      {section(
        translate('app.receptions.compliance.idle_deputies'),
        translate('app.receptions.compliance.idle_deputies_rule'),
        data.deputiesWithoutReceptionThisYear.length,
        <Typography variant="body2" sx={{ mt: 1 }}>
          {data.deputiesWithoutReceptionThisYear.map((m: any) => m.name).join(translate('app.list_separator'))}
        </Typography>,
        'deputies-without-reception',
      )}
      {section(
        translate('app.receptions.compliance.few_deputies'),
        translate('app.receptions.compliance.few_deputies_rule'),
        data.stationsWithTooFewDeputies.length,
        <MuiList dense>
          {data.stationsWithTooFewDeputies.map((s: any) => (
            <ListItem key={s.id} disableGutters>
              <ListItemText primary={stationLink(s.id, s.name)} secondary={`${translate('app.receptions.compliance.deputies_listed', { smart_count: s.deputyIds.length })}${s.deputyInChargeName ? translate('app.receptions.compliance.convener', { name: s.deputyInChargeName }) : ''}`} />
            </ListItem>
          ))}
        </MuiList>,
        'stations-too-few-deputies',
      )}
    </Stack>
  );
}
