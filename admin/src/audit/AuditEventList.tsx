import { useEffect, useState } from 'react';
import { Chip, TextField as MuiTextField, useMediaQuery, type Theme } from '@mui/material';
import { DataTable, FilterButton, List, SelectInput, Show, SimpleList, SimpleShowLayout, TextInput, TopToolbar, FunctionField, TextField, useInput, type InputProps } from 'react-admin';
import { ExportButton } from '../export/ExportButton';
import { chinaDateTime } from '../letters/deadlines';
import { introspection, schemaModel } from '../providers/dataProvider';
import { isRealDate, normalizeDate } from '../schema-ui/dates';
import { enumChoices, useEnumLabel } from '../schema-ui/fields';
import { ACTION_CHOICES, auditActionLabel, auditActorLabel, auditReasonLabel, chinaDay, dayEnd, dayStart, operationLabels } from './labels';

const OPERATIONS = operationLabels(introspection);
/** Resource names from the whole schema: the auditor reads none of them but sees them named (账号, 来信). */
const RESOURCES = new Map(schemaModel.resources.map((r) => [r.name, r.label]));

const RESULT_COLORS: Record<string, 'error' | 'warning' | 'default'> = { DENIED: 'error', FAILED: 'warning' };

/**
 * A day typed as YYYY-MM-DD (2026/12/2 and 2026年12月2日 read alike) that filters on the start or the
 * end of that Beijing day; the filter changes only once the day is complete.
 */
function DayFilterInput({ edge, ...props }: InputProps & { edge: 'start' | 'end' }) {
  const { field } = useInput(props);
  const [text, setText] = useState(field.value ? chinaDay(field.value) : '');
  useEffect(() => {
    // the filter cleared elsewhere (the filter button's remove) clears the text
    if (!field.value) setText((t) => (isRealDate(normalizeDate(t)) ? '' : t));
  }, [field.value]);
  return (
    <MuiTextField
      label={props.label as string}
      value={text}
      size="small"
      sx={{ width: 150 }}
      placeholder="2026-03-05"
      inputProps={{ inputMode: 'numeric', autoComplete: 'off', 'aria-label': props.label as string }}
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
  <SelectInput key="result" source="result" label="结果" choices={enumChoices(schemaModel, 'AuditResult')} alwaysOn sx={{ minWidth: 120 }} />,
  <SelectInput key="action" source="action" label="动作" choices={ACTION_CHOICES} alwaysOn sx={{ minWidth: 160 }} />,
  <TextInput key="username" source="username" label="用户名" alwaysOn resettable sx={{ width: 160 }} />,
  <DayFilterInput key="from" source="occurredAt_gte" label="起始日期" edge="start" alwaysOn />,
  <DayFilterInput key="to" source="occurredAt_lte" label="截止日期" edge="end" alwaysOn />,
  <TextInput key="recordId" source="recordId" label="记录编号" />,
  <TextInput key="ip" source="ip" label="来源 IP" />,
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
          primaryText={(r: any) => `${auditActorLabel(r)} · ${auditActionLabel(r, OPERATIONS, RESOURCES)}`}
          secondaryText={(r: any) => [chinaDateTime(r.occurredAt), auditReasonLabel(r.reason)].filter(Boolean).join(' · ')}
          tertiaryText={(r: any) => <ResultChip value={r.result} />}
          empty={<div data-testid="list-empty" style={{ padding: 16, color: '#666' }}>没有符合条件的审计记录。</div>}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick="show" empty={<div data-testid="list-empty" style={{ padding: 16, color: '#666' }}>没有符合条件的审计记录。</div>}>
          <DataTable.Col source="occurredAt" label="发生时间" sx={NOWRAP} render={(r: any) => chinaDateTime(r.occurredAt)} />
          <DataTable.Col source="username" label="账号" render={(r: any) => auditActorLabel(r)} />
          <DataTable.Col source="action" label="动作" render={(r: any) => auditActionLabel(r, OPERATIONS, RESOURCES)} />
          <DataTable.Col source="resource" label="资源" sx={NOWRAP} render={(r: any) => (r.resource ? RESOURCES.get(r.resource) ?? r.resource : '')} />
          <DataTable.Col source="recordId" label="记录编号" sx={NOWRAP} />
          <DataTable.Col source="result" label="结果" sx={NOWRAP} render={(r: any) => <ResultChip value={r.result} />} />
          <DataTable.Col source="reason" label="原因" render={(r: any) => auditReasonLabel(r.reason)} />
          <DataTable.Col source="ip" label="来源 IP" sx={NOWRAP} />
        </DataTable>
      )}
    </List>
  );
}

/** One entry of the log, every code named. */
export function AuditEventShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <FunctionField label="发生时间" render={(r: any) => chinaDateTime(r.occurredAt)} />
        <FunctionField label="账号" render={(r: any) => auditActorLabel(r)} />
        <FunctionField label="动作" render={(r: any) => auditActionLabel(r, OPERATIONS, RESOURCES)} />
        <FunctionField label="资源" render={(r: any) => (r.resource ? RESOURCES.get(r.resource) ?? r.resource : '')} />
        <TextField source="recordId" label="记录编号" emptyText="" />
        <FunctionField label="结果" render={(r: any) => <ResultChip value={r.result} />} />
        <FunctionField label="原因" render={(r: any) => auditReasonLabel(r.reason)} />
        <TextField source="ip" label="来源 IP" emptyText="" />
      </SimpleShowLayout>
    </Show>
  );
}
