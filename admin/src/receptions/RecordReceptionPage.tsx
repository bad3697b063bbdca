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
  useTranslate,
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
  const translate = useTranslate();
  if (!stationId) return null;
  return (
    <>
      {deputies?.length ? (
        <CheckboxGroupInput source="deputyIds" label="app.receptions.fields.deputies" choices={deputies.map((d) => ({ id: String(d.id), name: d.name }))} helperText="app.receptions.deputies_hint" />
      ) : (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.receptions.no_deputies')}
        </Alert>
      )}
      <SelectInput
        source="liaisonOfficerId"
        label="app.receptions.fields.officer"
        choices={(officers ?? []).map((o) => ({ id: String(o.id), name: o.name }))}
        emptyText="app.receptions.none_chosen"
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
      <TextInput source="title" label="app.receptions.fields.issue" validate={required()} fullWidth helperText="app.receptions.issue_hint" />
      <TextInput source="content" label="app.receptions.content" validate={required()} multiline minRows={2} fullWidth helperText={false} />
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
        <TextInput source="writerName" label="app.receptions.fields.writer" helperText="app.receptions.writer_hint" />
        <TextInput source="writerPhone" label="app.mailboxes.writer_phone" validate={phoneValidator} helperText={false} />
      </Stack>
      <BooleanInput source="answeredOnTheSpot" label="app.receptions.on_the_spot" helperText="app.receptions.on_the_spot_hint" />
      {onTheSpot && <TextInput source="answer" label="app.receptions.answer" validate={required()} multiline minRows={2} fullWidth helperText={false} />}
    </Stack>
  );
}


function IssueCount() {
  const issues = (useWatch({ name: 'issues' }) as unknown[] | undefined) ?? [];
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" data-testid="issues-raised">
      {translate('app.receptions.issue_count', { smart_count: issues.length })}
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
  const translate = useTranslate();
  if (!identity || (!stationId && isPending)) return <Loading />;

  const defaults: Partial<ReceptionValues> = { liaisonStationId: stationId ? String(stationId) : undefined, heldOn: todayInChina(), form: 'REGULAR', deputyIds: [], issues: [] };
  const save = async (values: Record<string, any>) => {
    setSaving(true);
    try {
      const vars = receptionVariables(values as ReceptionValues);
      const { recordReception } = await graphql<{ recordReception: { id: string } }>(RECORD_RECEPTION, vars);
      notify(recordedText(vars.issues, translate), { type: 'success', autoHideDuration: 10_000 });
      redirect('show', 'Reception', recordReception.id);
    } catch (e) {
      notify((e as ApiError).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card sx={{ mt: 1, maxWidth: 880 }}>
      <Title title="app.receptions.record" />
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {own ? (
            <>
              {translate('app.receptions.record_prefix')}
              <span data-record-text>{own.name}</span>
            </>
          ) : (
            translate('app.receptions.record')
          )}
        </Typography>
        {/* the iterator's inputs need a resource: the letters being registered */}
        <ResourceContextProvider value="Letter">
        <Form defaultValues={defaults} onSubmit={save}>
          {!stationId && (
            <SelectInput source="liaisonStationId" label="app.receptions.fields.station" choices={(stations ?? []).map((s) => ({ id: String(s.id), name: s.name }))} validate={required()} fullWidth helperText={false} />
          )}
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
            <TextInput
              source="heldOn"
              label="app.receptions.fields.heldOn"
              validate={[required(), dateValidator]}
              parse={(x: string) => (x === '' ? null : normalizeDate(x))}
              inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
              helperText={false}
            />
            <SelectInput source="form" label="app.receptions.fields.form" choices={enumChoices(schemaModel, 'ReceptionForm')} validate={required()} helperText={false} />
            <NumberInput source="visitorCount" label="app.receptions.fields.visitor_count" min={0} step={1} helperText={false} />
          </Stack>
          <TextInput source="topic" label="app.receptions.fields.topic" fullWidth helperText={false} />
          <TextInput source="location" label="app.receptions.fields.location" fullWidth helperText={false} />
          <StationPeople />
          <Divider sx={{ my: 1 }} />
          <Typography variant="subtitle1" component="h3">
            {translate('app.receptions.issues')}
          </Typography>
          <IssueCount />
          <ArrayInput source="issues" label={false}>
            <SimpleFormIterator disableReordering disableClear fullWidth addButton={<AddItemButton label="app.receptions.add_issue" />} getItemLabel={(i: number) => translate('app.receptions.nth_issue', { n: i + 1 })}>
              <IssueInputs />
            </SimpleFormIterator>
          </ArrayInput>
          <TextInput source="summary" label="app.receptions.fields.summary" multiline minRows={2} fullWidth helperText={false} />
          <Box sx={{ mt: 2 }}>
            <SaveButton label="app.receptions.save" disabled={saving} alwaysEnable />
          </Box>
        </Form>
        </ResourceContextProvider>
      </CardContent>
    </Card>
  );
}
