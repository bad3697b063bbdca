import { Box, Card, CardContent, Chip, Divider, Stack, Tooltip, Typography, useMediaQuery } from '@mui/material';
import { DataTable, ReferenceManyField, Show, useListContext, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { RatingButton } from './RatingButton';
import { useEnumLabel } from '../schema-ui/fields';
import { canRate } from './rating';
import type { ResourceModel, SchemaModel } from '../providers/schema';
import { chinaDateTime, deadlineText, deadlineTone, ruleText, type DeadlineValue } from './deadlines';
import { VerbButton } from './VerbButton';
import { WriterButtons } from './WriterButtons';
import { LetterConcentratedIssue } from '../concentrated/ConcentratedIssues';
import { READS_CONCENTRATED } from '../concentrated/concentrated';
import { verbModel, verbUsable } from './verbs';
import { PrintMenu } from '../prints/PrintMenu';
import { Fact } from '../schema-ui/Fact';

interface Props {
  model: SchemaModel;
  letters: ResourceModel;
}


/** What a clerk reads first: the register's entries, the writer masked (PR1). */
function Summary() {
  const r = useRecordContext<any>();
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  if (!r) return null;
  const writer = r.isAnonymous ? translate('app.letters.anonymous') : [r.writerName, r.writerPhoneMasked].filter(Boolean).join(' ');
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <Typography variant="h6" component="h2" data-record-text>
          {r.title}
        </Typography>
        <Chip size="small" color="primary" label={enumLabel('LetterStatus', r.status)} data-testid="letter-status" />
        {r.urgency === 'URGENT' && <Chip size="small" color="error" label={translate('app.letters.chips.urgent')} />}
        {r.isImportant && <Chip size="small" color="warning" label={translate('app.letters.chips.important')} />}
      </Stack>
      <Stack direction="row" spacing={3} rowGap={1.5} flexWrap="wrap" useFlexGap>
        <Fact label="app.letters.fields.serialNumber" value={r.serialNumber} />
        <Fact label="app.letters.fields.channel" value={enumLabel('LetterChannel', r.channel)} />
        <Fact label="app.letters.fields.receivedOn" value={r.receivedOn} />
        <Fact label="app.letters.fields.organization" value={r.organizationName} />
        <Fact label="app.letters.fields.writer" value={writer} />
        <Fact label="app.letters.fields.owner" value={r.ownerName} />
        <Fact label="app.letters.fields.leadDepartment" value={r.leadDepartmentName} />
        <Fact label="app.letters.fields.member" value={r.memberName} />
      </Stack>
      <WriterButtons letter={r} />
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-record-text>
        {r.content}
      </Typography>
    </Stack>
  );
}

/** Every time limit with the rule it comes from (DL1), red once passed. */
function Deadlines() {
  const r = useRecordContext<any>();
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  const list: DeadlineValue[] = r?.deadlines ?? [];
  if (!list.length) return null;
  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap aria-label={translate('app.letters.deadlines')}>
      {list.map((d) => (
        <Tooltip key={`${d.measure}-${d.dueOn}`} title={ruleText(d, translate)}>
          <Chip
            variant={d.done ? 'outlined' : 'filled'}
            color={deadlineTone(d)}
            label={`${enumLabel('LetterDeadlineMeasure', d.measure)} ${d.dueOn} ${deadlineText(d, translate)}`}
          />
        </Tooltip>
      ))}
    </Stack>
  );
}

/** One button per step the signed-in account may take now (myActions), the letter's next work first. */
function Steps({ model, letters }: Props) {
  const r = useRecordContext<any>();
  const { permissions } = usePermissions<string[]>();
  const translate = useTranslate();
  if (!r) return null;
  const rate = canRate(Array.isArray(permissions) ? permissions : [], r);
  const actions: Array<{ action: string; label: string; primary: boolean }> = [...(r.myActions ?? [])].sort((a, b) => Number(b.primary) - Number(a.primary));
  const buttons = actions
    .map((a) => ({ a, verb: verbModel(model, a.action) }))
    .filter(({ verb }) => verb && verbUsable(verb, model));
  if (!buttons.length && !rate) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('app.letters.no_steps')}
      </Typography>
    );
  }
  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap aria-label={translate('app.letters.steps')}>
      {buttons.map(({ a, verb }) => (
        <VerbButton key={a.action} model={model} letters={letters} verb={verb!} label={translate(`app.verbs.${a.action}`, { _: a.label })} primary={a.primary} letter={{ id: r.id, version: r.version }} />
      ))}
      {rate && <RatingButton letter={r} />}
    </Stack>
  );
}

function ConcentratedNote() {
  const r = useRecordContext<any>();
  const { permissions } = usePermissions<string[]>();
  if (!r || !(Array.isArray(permissions) && permissions.some((p) => READS_CONCENTRATED.includes(p)))) return null;
  return <LetterConcentratedIssue letterId={String(r.id)} />;
}

/** The letter's page: summary, deadlines, the steps I may take, and its handling record. */
export function LetterShow({ model, letters }: Props) {
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  const phone = useMediaQuery((theme: any) => theme.breakpoints.down('sm'));
  return (
    <Show title={<LetterTitle />}>
      <Card variant="outlined" sx={{ border: 0 }}>
        <CardContent>
          <Stack spacing={2}>
            <Summary />
            <Deadlines />
            <ConcentratedNote />
            <Steps model={model} letters={letters} />
            <PrintMenu />
            <Divider />
            <Typography variant="subtitle1" component="h3">
              {translate('app.letters.history')}
            </Typography>
            <ReferenceManyField reference="LetterEvent" target="letterId" sort={{ field: 'id', order: 'ASC' }} perPage={100}>
              {phone ? (
                <Timeline />
              ) : (
                <DataTable bulkActionButtons={false} rowClick={false}>
                  <DataTable.Col source="occurredAt" label="app.letters.history_fields.time" sx={{ whiteSpace: 'nowrap' }} render={(e: any) => chinaDateTime(e.occurredAt)} />
                  <DataTable.Col source="actionLabel" label="app.letters.history_fields.step" sx={{ whiteSpace: 'nowrap' }} render={(e: any) => translate(`app.verbs.${e.action}`, { _: e.actionLabel })} />
                  <DataTable.Col source="toStatus" label="app.letters.history_fields.status" sx={{ whiteSpace: 'nowrap' }} render={(e: any) => enumLabel('LetterStatus', e.toStatus)} />
                  <DataTable.Col source="actorName" label="app.letters.history_fields.actor" />
                  <DataTable.Col source="note" label="app.letters.history_fields.note" />
                </DataTable>
              )}
            </ReferenceManyField>
          </Stack>
        </CardContent>
      </Card>
    </Show>
  );
}

/** The handling record on a phone: one entry per step, its note below. */
function Timeline() {
  const { data } = useListContext<any>();
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  return (
    <Stack spacing={1.5} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {(data ?? []).map((e) => (
        <Box component="li" key={e.id}>
          <Typography variant="body2">
            <b>{translate(`app.verbs.${e.action}`, { _: e.actionLabel })}</b> · {enumLabel('LetterStatus', e.toStatus)} · {e.actorName}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div">
            {chinaDateTime(e.occurredAt)}
          </Typography>
          {e.note && <Typography variant="body2">{e.note}</Typography>}
        </Box>
      ))}
    </Stack>
  );
}

function LetterTitle() {
  const r = useRecordContext<any>();
  const translate = useTranslate();
  return <span>{r ? translate('app.letters.title', { serial: r.serialNumber }) : translate('app.letters.title_plain')}</span>;
}
