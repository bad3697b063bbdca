import { Fragment, type ReactElement } from 'react';
import { Box, Divider, Typography } from '@mui/material';
import { Create, Edit, SimpleForm, useGetIdentity } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { ResourceModel, SchemaModel, ValueModel } from '../providers/schema';
import { inputFor } from '../schema-ui/inputs';
import { labelledInput } from '../schema-ui/labelled';
import { todayInChina } from './deadlines';
import { argLabel } from './verbs';
import { REGISTER_SECTIONS, SOURCE_FIELDS } from './register';

interface Props {
  model: SchemaModel;
  letters: ResourceModel;
}

interface InputsProps extends Props {
  /** registerLetter's arguments, or updateLetter's (the descriptive fields only) */
  args: ValueModel[];
  editing?: boolean;
}

/** The register's entries in the order of the paper form (信访登记表), for registration and for edits. */
function LetterInputs({ model, letters, args, editing = false }: InputsProps) {
  const field = (name: string) => {
    const arg = args.find((a) => a.name === name);
    if (!arg) return null;
    const input = inputFor(model, letters, arg, { editing }) as ReactElement<any>;
    return <Fragment key={name}>{labelledInput(input, argLabel(arg.description, arg.name))}</Fragment>;
  };
  const channel = useWatch({ name: 'channel' }) as string | undefined;
  // PR4: an anonymous writer leaves no identity
  const anonymous = useWatch({ name: 'isAnonymous' }) as boolean | undefined;
  return (
    <>
      {REGISTER_SECTIONS.map((s, i) => {
        const names = (s.fields as readonly string[]).filter((n) => !(anonymous && s.id === 'writer' && n !== 'isAnonymous'));
        const source = s.id === 'matter' ? (SOURCE_FIELDS[channel ?? ''] ?? []) : [];
        const shown = [...names, ...source].filter((n) => args.some((a) => a.name === n));
        if (!shown.length) return null;
        return (
          <Box key={s.id} sx={{ width: '100%' }}>
            {i > 0 && <Divider sx={{ my: 1 }} />}
            <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
              {s.title}
            </Typography>
            {shown.map(field)}
          </Box>
        );
      })}
    </>
  );
}

/** 登记来信: the account's office, today and the post preset; the channel brings its own fields. */
export function LetterCreate({ model, letters }: Props) {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  const defaults = { organizationId: (identity as any).organizationId, channel: 'POST', receivedOn: todayInChina(), urgency: 'NORMAL', isAnonymous: false };
  return (
    <Create redirect="show" title="登记来信">
      <SimpleForm defaultValues={defaults} sx={{ maxWidth: 880 }}>
        <LetterInputs model={model} letters={letters} args={letters.createArgs ?? []} />
      </SimpleForm>
    </Create>
  );
}

/** 修改登记信息: the descriptive entries only (state, serial number and owner change by their steps). */
export function LetterEdit({ model, letters }: Props) {
  return (
    <Edit mutationMode="pessimistic" redirect="show" title="修改登记信息">
      <SimpleForm sx={{ maxWidth: 880 }}>
        <LetterInputs model={model} letters={letters} args={letters.updateArgs ?? []} editing />
      </SimpleForm>
    </Edit>
  );
}
