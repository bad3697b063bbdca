import { useEffect, useState } from 'react';
import { Chip, TextField as MuiTextField, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, FilterButton, List, SelectInput, Show, SimpleList, SimpleShowLayout, TextInput, TopToolbar, FunctionField, TextField, useInput, useTranslate, type InputProps } from 'react-admin';
import { ExportButton } from '../export/ExportButton';
import { schemaModel } from '../providers/dataProvider';
import { chinaDateTime } from '../letters/deadlines';
import { isRealDate, normalizeDate } from '../schema-ui/dates';
import { enumChoices, useEnumLabel } from '../schema-ui/fields';
import { ACTION_CHOICES, chinaDay, dayEnd, dayStart } from './labels';
import { useAuditLabels } from './useAuditLabels';


const RESULT_COLORS: Record<string, 'error' | 'warning' | 'default'> = { DENIED: 'error', FAILED: 'warning' };

/**
 * A day typed as YYYY-MM-DD (2026/12/2 and 2026年12月2日 read alike) that filters on the start or the
 * end of that Beijing day; the filter changes only once the day is complete.
 */
function DayFilterInput({ edge, ...props }: InputProps & { edge: 'start' | 'end' }) {
  const { field } = useInput(props);
  const translate = useTranslate();
  const label = translate(props.label as string);
  const [text, setText] = useState(field.value ? chinaDay(field.value) : '');
  useEffect(() => {
    // the filter cleared elsewhere (the filter button's remove) clears the text
    if (!field.value) setText((t) => (isRealDate(normalizeDate(t)) ? '' : t));
  }, [field.value]);
  return (
    <MuiTextField
      label={label}
      value={text}
      size="small"
      sx={{ width: 150 }}
      placeholder="2026-03-05"
      inputProps={{ inputMode: 'numeric', autoComplete: 'off', 'aria-label': label }}
      onChange={(e) => {
        setText(e.target.value);
        const day = normalizeDate(e.target.value);
        // '' (not undefined) so the list drops the filter: undefined would keep the old value in the merge
        if (e.target.value.trim() === '') field.onChange('');
        else if (isRealDate(day)) field.onChange(edge === 'start' ? dayStart(day) : dayEnd(day));
      }}
    />
  );
}

const filters = [
  <SelectInput key="result" source="result" label="app.audit.fields.result" choices={enumChoices(schemaModel, 'AuditResult')} alwaysOn sx={{ minWidth: 120 }} />,
  <SelectInput key="action" source="action" label="app.audit.fields.action" choices={ACTION_CHOICES} alwaysOn sx={{ minWidth: 160 }} />,
  <TextInput key="username" source="username" label="app.audit.fields.username" alwaysOn resettable sx={{ width: 160 }} />,
  <DayFilterInput key="from" source="occurredAt_gte" label="app.audit.fields.from" edge="start" alwaysOn />,
  <DayFilterInput key="to" source="occurredAt_lte" label="app.audit.fields.to" edge="end" alwaysOn />,
  <TextInput key="recordId" source="recordId" label="app.audit.fields.recordId" />,
  <TextInput key="ip" source="ip" label="app.audit.fields.ip" />,
];

function ResultChip({ value }: { value: string }) {
  const enumLabel = useEnumLabel();
  const color = RESULT_COLORS[value] ?? 'default';
  return color === 'default' ? <>{enumLabel('AuditResult', value)}</> : <Chip size="small" color={color} label={enumLabel('AuditResult', value)} />;
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** 审计日志 for the audit administrator: who did what to which record, with what result, filtered as an audit asks. */
export function AuditEventList() {
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const l = useAuditLabels();
  const translate = useTranslate();
  const empty = <div data-testid="list-empty" style={{ padding: 16, color: '#666' }}>{translate('app.audit.empty')}</div>;
  return (
    <List
      filters={filters}
      sort={{ field: 'occurredAt', order: 'DESC' }}
      perPage={25}
      actions={
        <TopToolbar>
          <FilterButton />
          <ExportButton />
        </TopToolbar>
      }
    >
      {phone ? (
        <SimpleList
          linkType="show"
          primaryText={(r: any) => `${l.actor(r)} · ${l.action(r)}`}
          secondaryText={(r: any) => [chinaDateTime(r.occurredAt), l.reason(r)].filter(Boolean).join(' · ')}
          tertiaryText={(r: any) => <ResultChip value={r.result} />}
          empty={empty}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick="show" empty={empty}>
          <DataTable.Col source="occurredAt" label="app.audit.fields.occurredAt" sx={NOWRAP} render={(r: any) => chinaDateTime(r.occurredAt)} />
          <DataTable.Col source="username" label="app.audit.fields.account" render={l.actor} />
          <DataTable.Col source="action" label="app.audit.fields.action" render={l.action} />
          <DataTable.Col source="resource" label="app.audit.fields.resource" sx={NOWRAP} render={l.resource} />
          <DataTable.Col source="recordId" label="app.audit.fields.recordId" sx={NOWRAP} />
          <DataTable.Col source="result" label="app.audit.fields.result" sx={NOWRAP} render={(r: any) => <ResultChip value={r.result} />} />
          <DataTable.Col source="reason" label="app.audit.fields.reason" render={l.reason} />
          <DataTable.Col source="ip" label="app.audit.fields.ip" sx={NOWRAP} />
        </DataTable>
      )}
    </List>
  );
}

/** One entry of the log, every code named. */
export function AuditEventShow() {
  const l = useAuditLabels();
  return (
    <Show>
      <SimpleShowLayout>
        <FunctionField label="app.audit.fields.occurredAt" render={(r: any) => chinaDateTime(r.occurredAt)} />
        <FunctionField label="app.audit.fields.account" render={l.actor} />
        <FunctionField label="app.audit.fields.action" render={l.action} />
        <FunctionField label="app.audit.fields.resource" render={l.resource} />
        <TextField source="recordId" label="app.audit.fields.recordId" emptyText="" />
        <FunctionField label="app.audit.fields.result" render={(r: any) => <ResultChip value={r.result} />} />
        <FunctionField label="app.audit.fields.reason" render={l.reason} />
        <TextField source="ip" label="app.audit.fields.ip" emptyText="" />
      </SimpleShowLayout>
    </Show>
  );
}
