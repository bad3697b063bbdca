import {
  BooleanField,
  FunctionField,
  NumberField,
  ReferenceArrayField,
  ReferenceField,
  SelectField,
  SingleFieldList,
  TextField,
  useTranslate,
} from 'react-admin';
import { Chip } from '@mui/material';
import { chinaDateTime } from '../letters/deadlines';
import { represent, type SchemaModel, type ValueModel } from '../providers/schema';

/** Enum choices whose names are i18n keys (`enums.BodyKind.CPPCC`), translated by react-admin. */
export function enumChoices(model: SchemaModel, enumName: string) {
  return (model.enums[enumName]?.choices ?? []).map((c) => ({ id: c.id, name: `enums.${enumName}.${c.id}` }));
}

/** A value of an enum in the interface language (`enums.LetterStatus.REPLIED` → 已答复); '' for none. */
export function useEnumLabel() {
  const translate = useTranslate();
  return (enumName: string, value: unknown) => (value ? translate(`enums.${enumName}.${value}`) : '');
}

/** The function that names a record of `resource` (for references, choices and page titles). */
export function representationOf(model: SchemaModel, resource: string) {
  const r = model.resources.find((x) => x.name === resource);
  return (record: any) => (r ? represent(r, record) : `#${record?.id}`);
}

const joinList = (value: unknown) => (Array.isArray(value) ? value.join('、') : '');

/** A list of enum values (an account's roles) in the interface language. */
function EnumListField({ source, enumName }: { source: string; enumName: string; label?: string }) {
  const enumLabel = useEnumLabel();
  return <FunctionField source={source} render={(r: any) => (Array.isArray(r?.[source]) ? r[source].map((x: string) => enumLabel(enumName, x)).join('、') : '')} />;
}

/** A handling record's step in the interface language (the server names it in Chinese). */
function StepField({ source }: { source: string; label?: string }) {
  const translate = useTranslate();
  return <FunctionField source={source} render={(r: any) => (r?.action ? translate(`app.verbs.${r.action}`, { _: r?.[source] ?? r.action }) : (r?.[source] ?? ''))} />;
}

/** The read-only display of one field of a record, chosen from its GraphQL type. */
export function fieldFor(model: SchemaModel, v: ValueModel) {
  const common = { source: v.name, key: v.name };
  if (v.name === 'actionLabel') return <StepField {...common} />;
  switch (v.kind) {
    case 'int':
    case 'float':
      // a year is written 2026, not 2,026
      return <NumberField {...common} options={/year$/i.test(v.name) ? { useGrouping: false } : undefined} />;
    case 'boolean':
      return <BooleanField {...common} />;
    case 'datetime':
      // Beijing time as the offices write it (2026-08-18 11:00), whatever the browser's zone
      return <FunctionField {...common} render={(r: any) => chinaDateTime(r?.[v.name])} />;
    case 'enum':
      return <SelectField {...common} choices={enumChoices(model, v.enumName!)} />;
    case 'ref':
      // a link the role may not follow shows the name the API gives beside it, never the raw id
      return v.reference ? (
        <ReferenceField {...common} reference={v.reference} link="show" emptyText="" />
      ) : v.nameField ? (
        <TextField source={v.nameField} key={v.name} label={v.label} emptyText="" />
      ) : (
        <TextField {...common} />
      );
    case 'refs':
      return v.reference ? (
        <ReferenceArrayField {...common} reference={v.reference}>
          <SingleFieldList linkType="show">
            <FunctionField render={(r: any) => <Chip size="small" label={representationOf(model, v.reference!)(r)} />} />
          </SingleFieldList>
        </ReferenceArrayField>
      ) : (
        <FunctionField {...common} render={(r: any) => joinList(r?.[v.nameField ?? v.name])} />
      );
    case 'list':
      return v.enumName ? <EnumListField {...common} enumName={v.enumName} /> : <FunctionField {...common} render={(r: any) => joinList(r?.[v.name])} />;
    case 'other':
      return <FunctionField {...common} render={(r: any) => (r?.[v.name] == null ? '' : JSON.stringify(r[v.name]))} />;
    default:
      // id, string and date ('YYYY-MM-DD' reads well as it is; no time-zone shift)
      return <TextField {...common} />;
  }
}
