/**
 * List, show, edit and create pages built from the schema model, so every resource the API adds
 * appears with Chinese labels, enum names and links to the records it refers to.
 *
 * (react-admin's guessers infer from the data instead: they turn `parentId` into a reference to a
 * resource "parents", print nothing useful for an empty list and know no enum labels.)
 */
import {
  AutocompleteInput,
  BulkDeleteButton,
  ColumnsButton,
  Create,
  CreateButton,
  DataTable,
  DeleteButton,
  Edit,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  ReferenceInput,
  SaveButton,
  SearchInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleList,
  SimpleShowLayout,
  Toolbar,
  TopToolbar,
  useListContext,
  useLocaleState,
  useTranslate,
} from 'react-admin';
import type { Translate } from '../i18n/translate';
import { ExportButton } from '../export/ExportButton';
import { Fragment } from 'react';
import { Box, Chip, useMediaQuery, type Theme } from '@mui/material';
import { chinaDateTime } from '../letters/deadlines';
import { represent, type ResourceModel, type SchemaModel, type ValueModel } from '../providers/schema';
import { columnLabel, columnName, listColumns, readableFields, type Column } from './columns';

export { readableFields };
import { enumChoices, fieldFor, representationOf, useEnumLabel } from './fields';
import { inputFor } from './inputs';

function listFilters(model: SchemaModel, resource: ResourceModel) {
  const filters = [];
  for (const f of resource.filters) {
    if (f.name === 'q') filters.push(<SearchInput source="q" key="q" alwaysOn />);
    else if (f.kind === 'enum') filters.push(<SelectInput source={f.name} key={f.name} choices={enumChoices(model, f.enumName!)} />);
    // 是否启用, 是否在任…: a dashboard card's filter (已停用) then shows as a filter the clerk can change
    else if (f.kind === 'boolean') filters.push(<NullableBooleanInput source={f.name} key={f.name} />);
    else if (f.kind === 'ref' && f.reference && f.name !== 'id')
      filters.push(
        <ReferenceInput source={f.name} key={f.name} reference={f.reference}>
          <AutocompleteInput optionText={representationOf(model, f.reference)} filterToQuery={(q: string) => ({ q })} />
        </ReferenceInput>,
      );
  }
  return filters;
}

/** 锁定至（不早于）：2026-12-02 21:53 — a filter's value as the clerk reads it. */
function filterValueText(v: ValueModel | undefined, value: unknown, t: Translate): string {
  if (typeof value === 'boolean') return t(value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (v?.kind === 'datetime' || (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value))) return chinaDateTime(String(value));
  return Array.isArray(value) ? value.join('、') : String(value);
}

/**
 * Filters set by a link (a dashboard card's 已锁定) that have no input of their own show as chips,
 * so the list never narrows for a reason the clerk cannot see; deleting a chip drops its filter.
 */
export function LinkedFilterChips({ resource, inputs, text }: { resource: ResourceModel; inputs: Set<string>; text?: (key: string, value: unknown) => string | undefined }) {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const hidden = Object.entries(filterValues ?? {}).filter(([k, v]) => !inputs.has(k) && v !== undefined && v !== '');
  if (!hidden.length) return null;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, p: 1 }} data-testid="linked-filters">
      {hidden.map(([key, value]) => {
        const f = resource.filters.find((x) => x.name === key);
        return (
          <Chip
            key={key}
            size="small"
            label={
              (text && text(key, value) !== undefined ? translate(text(key, value)!) : undefined) ??
              translate('app.common.filter_chip', {
                // English names the range by the field's own key (锁定至（不早于） = Locked until (from))
                field: locale === 'zh-CN' || !f ? `${f ? columnLabel(f.label) : key}${key.endsWith('_gte') ? translate('app.common.not_before') : key.endsWith('_lte') ? translate('app.common.not_after') : ''}` : translate(`resources.${resource.name}.fields.${key}`, { _: key }),
                value: f?.kind === 'enum' && f.enumName ? enumLabel(f.enumName, String(value)) : filterValueText(f, value, translate),
              })
            }
            onDelete={() => {
              const { [key]: _dropped, ...rest } = filterValues;
              setFilters(rest, displayedFilters);
            }}
          />
        );
      })}
    </Box>
  );
}

/** On a phone a row is the record's name and two of its columns, not a table wider than the screen. */
function PhoneList({ model, resource, columns }: { model: SchemaModel; resource: ResourceModel; columns: Column[] }) {
  const cell = (c: Column) => (c.field ? fieldFor(model, c.field) : <FunctionField key={c.virtual.name} render={(r: any) => c.virtual.text(r)} />);
  const details = columns.filter((c) => !IN_NAME.has(columnName(c))).slice(0, 2);
  return (
    <SimpleList
      rowClick={resource.updateArgs ? 'edit' : 'show'}
      primaryText={(r: any) => represent(resource, r)}
      secondaryText={
        <>
          {details.map((c, i) => (
            <Fragment key={columnName(c)}>
              {i > 0 && ' · '}
              {cell(c)}
            </Fragment>
          ))}
        </>
      }
    />
  );
}
/** Columns the record's name already says. */
const IN_NAME = new Set(['name', 'title', 'serialNumber', 'username', 'displayName', 'pairedFrom', 'pairedWith']);

export function SchemaList({ model, resource }: { model: SchemaModel; resource: ResourceModel }) {
  const filters = listFilters(model, resource);
  const { columns, hidden } = listColumns(resource);
  const phone = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  // the short Chinese header; other languages keep react-admin's own field names
  const [locale] = useLocaleState();
  return (
    <List
      filters={filters}
      sort={{ field: 'id', order: 'DESC' }}
      actions={
        <TopToolbar>
          {filters.length > 1 && <FilterButton />}
          {resource.createArgs && <CreateButton />}
          <ColumnsButton />
          <ExportButton />
        </TopToolbar>
      }
    >
      <LinkedFilterChips resource={resource} inputs={new Set(filters.map((f) => f.props.source as string))} />
      {phone ? (
        <PhoneList model={model} resource={resource} columns={columns.filter((c) => !hidden.includes(columnName(c)))} />
      ) : (
        <DataTable
          hiddenColumns={hidden}
          rowClick={resource.updateArgs ? 'edit' : 'show'}
          bulkActionButtons={resource.canDelete ? <BulkDeleteButton mutationMode="pessimistic" /> : false}
        >
          {columns.map((c) =>
            c.field ? (
              <DataTable.Col key={c.field.name} source={c.field.name} label={locale === 'zh-CN' ? columnLabel(c.field.label) : undefined} disableSort={!resource.sortable.has(c.field.name)}>
                {fieldFor(model, c.field)}
              </DataTable.Col>
            ) : (
              <DataTable.Col key={c.virtual.name} source={c.virtual.name} label={c.virtual.label} disableSort>
                <FunctionField render={(r: any) => c.virtual.text(r)} />
              </DataTable.Col>
            ),
          )}
        </DataTable>
      )}
    </List>
  );
}

export function SchemaShow({ model, resource }: { model: SchemaModel; resource: ResourceModel }) {
  return (
    <Show>
      <SimpleShowLayout>{readableFields(resource).map((f) => fieldFor(model, f))}</SimpleShowLayout>
    </Show>
  );
}

function EditToolbar({ canDelete }: { canDelete: boolean }) {
  return (
    <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <SaveButton />
      {canDelete && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
}

export function SchemaEdit({ model, resource }: { model: SchemaModel; resource: ResourceModel }) {
  // pessimistic: the server checks `version` and the rules; show its answer before leaving the page
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm toolbar={<EditToolbar canDelete={resource.canDelete} />}>
        {(resource.updateArgs ?? []).map((a) => inputFor(model, resource, a, { editing: true }))}
      </SimpleForm>
    </Edit>
  );
}

export function SchemaCreate({ model, resource }: { model: SchemaModel; resource: ResourceModel }) {
  return (
    <Create redirect="show">
      <SimpleForm>{(resource.createArgs ?? []).map((a) => inputFor(model, resource, a))}</SimpleForm>
    </Create>
  );
}
