import { Fragment, useState, type ReactElement } from 'react';
import { Alert, Box, Divider, Link, Typography } from '@mui/material';
import { Create, Edit, SimpleForm, useCreatePath, useGetIdentity, useGetList, useLocaleState, useNotify, useRedirect, useTranslate } from 'react-admin';
import { DEFAULT_LOCALE } from '../i18n/i18nProvider';
import { useEnumLabel } from '../schema-ui/fields';
import { repeatWriterFilter } from './repeat';
import { useWatch } from 'react-hook-form';
import type { ResourceModel, SchemaModel, ValueModel } from '../providers/schema';
import { inputFor } from '../schema-ui/inputs';
import { labelledInput } from '../schema-ui/labelled';
import { todayInChina } from './deadlines';
import { argLabel } from './verbs';
import { newIdempotencyKey, REGISTER_SECTIONS, SOURCE_FIELDS } from './register';

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
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const field = (name: string) => {
    const arg = args.find((a) => a.name === name);
    if (!arg) return null;
    const input = inputFor(model, letters, arg, { editing }) as ReactElement<any>;
    // the arguments' words are the schema's Chinese descriptions; English names them as the letter's fields
    const words = locale === DEFAULT_LOCALE ? argLabel(arg.description, arg.name) : { label: translate(`resources.Letter.fields.${name}`, { _: arg.name }) };
    return <Fragment key={name}>{labelledInput(input, words)}</Fragment>;
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
              {translate(s.title)}
            </Typography>
            {shown.map(field)}
            {s.id === 'writer' && !editing && !anonymous && <RepeatWriter />}
          </Box>
        );
      })}
    </>
  );
}

/** A repeat writer (PV1): the earlier letters of the phone or ID number typed, found through the server's keyed hash. */
function RepeatWriter() {
  const phone = useWatch({ name: 'writerPhone' }) as string | undefined;
  const idNumber = useWatch({ name: 'writerIdNumber' }) as string | undefined;
  const filter = repeatWriterFilter(phone, idNumber);
  const { data, total } = useGetList('Letter', { filter: filter ?? {}, pagination: { page: 1, perPage: 5 }, sort: { field: 'receivedOn', order: 'DESC' } }, { enabled: !!filter });
  const createPath = useCreatePath();
  const enumLabel = useEnumLabel();
  const translate = useTranslate();
  if (!filter || !data?.length) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }} data-testid="repeat-writer">
      <Typography variant="body2" sx={{ mb: 0.5 }}>
        {translate(filter.writerIdNumber ? 'app.letters.repeat_id' : 'app.letters.repeat_phone', { smart_count: total })}
      </Typography>
      {data.map((l: any) => (
        <Typography variant="body2" key={l.id}>
          {/* a new tab: the registration typed so far stays */}
          <Link href={`#${createPath({ resource: 'Letter', id: l.id, type: 'show' })}`} target="_blank" rel="noopener">
            {l.serialNumber}
          </Link>{' '}
          <span data-record-text>{l.title}</span>
          {translate('app.letters.repeat_item', { day: l.receivedOn, status: enumLabel('LetterStatus', l.status) })}
        </Typography>
      ))}
    </Alert>
  );
}

/** 登记来信: the account's office, today and the post preset; the channel brings its own fields. */
export function LetterCreate({ model, letters }: Props) {
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  // one key for this form: a save resent after a lost answer returns the letter already registered
  const [idempotencyKey] = useState(newIdempotencyKey);
  if (!identity) return null;
  const defaults = { organizationId: (identity as any).organizationId, channel: 'POST', receivedOn: todayInChina(), urgency: 'NORMAL', isAnonymous: false, idempotencyKey };
  return (
    <Create
      title="app.letters.register"
      mutationOptions={{
        // the serial number is what the clerk writes on the paper letter
        onSuccess: (letter: any) => {
          notify(translate('app.letters.registered', { serial: letter.serialNumber }), { type: 'success' });
          redirect('show', 'Letter', letter.id);
        },
      }}
    >
      <SimpleForm defaultValues={defaults} sx={{ maxWidth: 880 }}>
        <LetterInputs model={model} letters={letters} args={letters.createArgs ?? []} />
      </SimpleForm>
    </Create>
  );
}

/** 修改登记信息: the descriptive entries only (state, serial number and owner change by their steps). */
export function LetterEdit({ model, letters }: Props) {
  return (
    <Edit mutationMode="pessimistic" redirect="show" title="app.letters.edit">
      <SimpleForm sx={{ maxWidth: 880 }}>
        <LetterInputs model={model} letters={letters} args={letters.updateArgs ?? []} editing />
      </SimpleForm>
    </Edit>
  );
}
