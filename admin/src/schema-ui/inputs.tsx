import {
  AutocompleteArrayInput,
  AutocompleteInput,
  BooleanInput,
  DateTimeInput,
  NumberInput,
  ReferenceArrayInput,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextInput,
  required,
} from 'react-admin';
import type { ResourceModel, SchemaModel, ValueModel } from '../providers/schema';
import { enumChoices, representationOf } from './fields';
import { dateValidator, normalizeDate } from './dates';

const LONG_TEXT = /content|note|remark|description|summary|reason|opinion|reply|feedback|text|detail|result|comment|decision|findings|answer|conclusion/i;

const splitList = (value: string) =>
  value
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A personal value (PR1) is written as `phone` and read back only as `phoneMasked`. */
export function isPersonal(resource: ResourceModel, arg: ValueModel): boolean {
  return resource.fields.some((f) => f.name === `${arg.name}Masked`);
}

export interface InputOptions {
  /** In an edit form an empty personal input means "keep the stored value". */
  editing?: boolean;
}

/** The form input for one create/update argument, chosen from its GraphQL type. */
export function inputFor(model: SchemaModel, resource: ResourceModel, v: ValueModel, { editing = false }: InputOptions = {}) {
  const validate = v.required ? required() : undefined;
  const common = { source: v.name, key: v.name, validate };
  switch (v.kind) {
    case 'int':
      return <NumberInput {...common} step={1} />;
    case 'float':
      return <NumberInput {...common} />;
    case 'boolean':
      return <BooleanInput {...common} />;
    case 'date':
      // YYYY-MM-DD typed, whatever the browser's locale (its date picker would show mm/dd/yyyy)
      return (
        <TextInput
          {...common}
          validate={validate ? [validate, dateValidator] : dateValidator}
          parse={(x: string) => (x === '' ? null : normalizeDate(x))}
          placeholder="2026-03-05"
          inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
        />
      );
    case 'datetime':
      return <DateTimeInput {...common} />;
    case 'enum':
      return <SelectInput {...common} choices={enumChoices(model, v.enumName!)} />;
    case 'ref':
      return v.reference ? (
        <ReferenceInput source={v.name} key={v.name} reference={v.reference}>
          <AutocompleteInput
            optionText={representationOf(model, v.reference)}
            filterToQuery={(q: string) => ({ q })}
            validate={validate}
          />
        </ReferenceInput>
      ) : (
        <TextInput {...common} />
      );
    case 'refs':
      return v.reference ? (
        <ReferenceArrayInput source={v.name} key={v.name} reference={v.reference}>
          <AutocompleteArrayInput
            optionText={representationOf(model, v.reference)}
            filterToQuery={(q: string) => ({ q })}
            validate={validate}
          />
        </ReferenceArrayInput>
      ) : (
        <TextInput {...common} format={(x: unknown) => (Array.isArray(x) ? x.join(', ') : '')} parse={splitList} />
      );
    case 'list':
      if (v.enumName) return <SelectArrayInput {...common} choices={enumChoices(model, v.enumName)} />;
      return <TextInput {...common} format={(x: unknown) => (Array.isArray(x) ? x.join('、') : '')} parse={splitList} />;
    default:
      if (isPersonal(resource, v) && editing) {
        // an untouched or emptied personal input sends nothing, never a masked value or null
        return <TextInput {...common} helperText="app.personal_hint" parse={(x: string) => (x === '' ? undefined : x)} />;
      }
      return <TextInput {...common} multiline={LONG_TEXT.test(v.name)} />;
  }
}
