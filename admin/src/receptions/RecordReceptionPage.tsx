import { Alert, Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import {
  ArrayInput,
  BooleanInput,
  CheckboxGroupInput,
  Form,
  Loading,
  NumberInput,
  SaveButton,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  Title,
  ResourceContextProvider,
  required,
  useGetIdentity,
  useGetList,
  useGetMany,
  useGetOne,
  useNotify,
  useRedirect,
  useSourceContext,
} from 'react-admin';
import { todayInChina } from '../letters/deadlines';
import { AddItemButton } from '../schema-ui/AddItemButton';
import { phoneValidator } from '../schema-ui/phone';
import { graphql, type ApiError } from '../providers/authProvider';
import { schemaModel } from '../providers/dataProvider';
import { dateValidator, normalizeDate } from '../schema-ui/dates';
import { enumChoices } from '../schema-ui/fields';
import { RECORD_RECEPTION, receptionVariables, recordedText, type ReceptionValues } from './receptions';

/** The station's deputies to tick and its liaison officer (ST1), once the station is known. */
function StationPeople() {
  const stationId = useWatch({ name: 'liaisonStationId' }) as string | undefined;
  const { data: station } = useGetOne<any>('LiaisonStation', { id: stationId! }, { enabled: !!stationId });
  const { data: deputies } = useGetMany<any>('Member', { ids: station?.deputyIds ?? [] }, { enabled: !!station?.deputyIds?.length });
  const { data: officers } = useGetList<any>('StationStaff', { filter: { liaisonStationId: stationId }, pagination: { page: 1, perPage: 50 }, sort: { field: 'name', order: 'ASC' } }, { enabled: !!stationId });
  if (!stationId) return null;
  return (
    <>
      {deputies?.length ? (
        <CheckboxGroupInput source="deputyIds" label="接待代表" choices={deputies.map((d) => ({ id: String(d.id), name: d.name }))} helperText="勾选参加本次接待的进站代表" />
      ) : (
        <Alert severity="warning" sx={{ mb: 2 }}>
          该联络站尚无进站代表：请办公室先为联络站安排代表。
        </Alert>
      )}
      <SelectInput
        source="liaisonOfficerId"
        label="联络员"
        choices={(officers ?? []).map((o) => ({ id: String(o.id), name: o.name }))}
        emptyText="（不填）"
        fullWidth
        helperText={false}
      />
    </>
  );
}

/** One issue raised: what the voter asked and, when answered on the spot, the answer (ST5). */
function IssueInputs() {
  const onTheSpot = useWatch({ name: useSourceContext().getSource('answeredOnTheSpot') }) as boolean | undefined;
  return (
    <Stack sx={{ width: '100%' }}>
      <TextInput source="title" label="问题" validate={required()} fullWidth helperText="如：小区停车难" />
      <TextInput source="content" label="群众反映的情况和诉求" validate={required()} multiline minRows={2} fullWidth helperText={false} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
        <TextInput source="writerName" label="反映人" helperText="不留姓名的记为匿名" />
        <TextInput source="writerPhone" label="联系电话" validate={phoneValidator} helperText={false} />
      </Stack>
      <BooleanInput source="answeredOnTheSpot" label="当场答复" helperText="能当场答复的当场答复并办结；其余转街道、部门办理" />
      {onTheSpot && <TextInput source="answer" label="答复内容" validate={required()} multiline minRows={2} fullWidth helperText={false} />}
    </Stack>
  );
}


function IssueCount() {
  const issues = (useWatch({ name: 'issues' }) as unknown[] | undefined) ?? [];
  return (
    <Typography variant="body2" color="text.secondary" data-testid="issues-raised">
      群众反映问题 {issues.length} 个，保存时逐一登记为接待来信
    </Typography>
  );
}

/**
 * 记录接待活动: the reception, the deputies who received, the liaison officer and every issue raised,
 * saved together (ST4); an issue answered on the spot is closed at once (ST5).
 */
export function RecordReceptionPage() {
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const redirect = useRedirect();
  const stationId = (identity as any)?.liaisonStationId as string | null | undefined;
  const { data: stations, isPending } = useGetList<any>('LiaisonStation', { pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' }, filter: { isOnline: false } }, { enabled: !!identity && !stationId });
  const { data: own } = useGetOne<any>('LiaisonStation', { id: stationId! }, { enabled: !!stationId });
  const [saving, setSaving] = useState(false);
  if (!identity || (!stationId && isPending)) return <Loading />;

  const defaults: Partial<ReceptionValues> = { liaisonStationId: stationId ? String(stationId) : undefined, heldOn: todayInChina(), form: 'REGULAR', deputyIds: [], issues: [] };
  const save = async (values: Record<string, any>) => {
    setSaving(true);
    try {
      const vars = receptionVariables(values as ReceptionValues);
      const { recordReception } = await graphql<{ recordReception: { id: string } }>(RECORD_RECEPTION, vars);
      notify(recordedText(vars.issues), { type: 'success', autoHideDuration: 10_000 });
      redirect('show', 'Reception', recordReception.id);
    } catch (e) {
      notify((e as ApiError).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card sx={{ mt: 1, maxWidth: 880 }}>
      <Title title="记录接待活动" />
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          记录接待活动{own ? `：${own.name}` : ''}
        </Typography>
        {/* the iterator's inputs need a resource: the letters being registered */}
        <ResourceContextProvider value="Letter">
        <Form defaultValues={defaults} onSubmit={save}>
          {!stationId && (
            <SelectInput source="liaisonStationId" label="代表联络站" choices={(stations ?? []).map((s) => ({ id: String(s.id), name: s.name }))} validate={required()} fullWidth helperText={false} />
          )}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
            <TextInput
              source="heldOn"
              label="接待日期"
              validate={[required(), dateValidator]}
              parse={(x: string) => (x === '' ? null : normalizeDate(x))}
              inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
              helperText={false}
            />
            <SelectInput source="form" label="接待形式" choices={enumChoices(schemaModel, 'ReceptionForm')} validate={required()} helperText={false} />
            <NumberInput source="visitorCount" label="接待群众人数" min={0} step={1} helperText={false} />
          </Stack>
          <TextInput source="topic" label="主题" fullWidth helperText={false} />
          <TextInput source="location" label="地点" fullWidth helperText={false} />
          <StationPeople />
          <Divider sx={{ my: 1 }} />
          <Typography variant="subtitle1" component="h3">
            群众反映的问题
          </Typography>
          <IssueCount />
          <ArrayInput source="issues" label={false}>
            <SimpleFormIterator disableReordering disableClear fullWidth addButton={<AddItemButton label="添加一个问题" />} getItemLabel={(i: number) => `问题 ${i + 1}`}>
              <IssueInputs />
            </SimpleFormIterator>
          </ArrayInput>
          <TextInput source="summary" label="接待情况小结" multiline minRows={2} fullWidth helperText={false} />
          <Box sx={{ mt: 2 }}>
            <SaveButton label="保存接待活动和问题" disabled={saving} alwaysEnable />
          </Box>
        </Form>
        </ResourceContextProvider>
      </CardContent>
    </Card>
  );
}
