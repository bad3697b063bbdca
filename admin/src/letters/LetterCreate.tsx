import { cloneElement, type ReactElement } from 'react';
import { Box, Divider, Typography } from '@mui/material';
import { Create, SimpleForm, useGetIdentity } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { ResourceModel, SchemaModel, ValueModel } from '../providers/schema';
import { inputFor } from '../schema-ui/inputs';
import { todayInChina } from './deadlines';
import { argLabel } from './verbs';
import { REGISTER_SECTIONS, SOURCE_FIELDS } from './register';

interface Props {
  model: SchemaModel;
  letters: ResourceModel;
}

/** An input of the registration with its label and hint (no rule codes), a picker's passed to the picker. */
function field(model: SchemaModel, letters: ResourceModel, name: string) {
  const arg = letters.createArgs?.find((a) => a.name === name);
  if (!arg) return null;
  const { label, hint } = argLabel(arg.description, arg.name);
  const input = inputFor(model, letters, arg as ValueModel) as ReactElement<any>;
  const props = { label, helperText: hint ?? false };
  const child = input.props.children as ReactElement<any> | undefined;
  return child && typeof child === 'object' && 'props' in child ? cloneElement(input, { key: name }, cloneElement(child, props)) : cloneElement(input, { key: name, ...props });
}

/** The fields that belong to the channel: the mailbox and its opening (MB3), the reception (ST4). */
function SourceFields({ model, letters }: Props) {
  const channel = useWatch({ name: 'channel' }) as string | undefined;
  const names = SOURCE_FIELDS[channel ?? ''] ?? [];
  return <>{names.map((n) => field(model, letters, n))}</>;
}

function AnonymousAware({ model, letters, names }: Props & { names: readonly string[] }) {
  const anonymous = useWatch({ name: 'isAnonymous' }) as boolean | undefined;
  // PR4: an anonymous writer leaves no identity
  return <>{anonymous ? null : names.map((n) => field(model, letters, n))}</>;
}

/**
 * 信访登记表: the register's entries in the order of the paper form, the registering office preset
 * from the account, today's date and the post as defaults; the channel brings its own fields.
 */
export function LetterCreate({ model, letters }: Props) {
  const { identity } = useGetIdentity();
  if (!identity) return null;
  const defaults = { organizationId: (identity as any).organizationId, channel: 'POST', receivedOn: todayInChina(), urgency: 'NORMAL', isAnonymous: false };
  return (
    <Create redirect="show" title="登记来信">
      <SimpleForm defaultValues={defaults} sx={{ maxWidth: 880 }}>
        {REGISTER_SECTIONS.map((s, i) => (
          <Box key={s.title} sx={{ width: '100%' }}>
            {i > 0 && <Divider sx={{ my: 1 }} />}
            <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
              {s.title}
            </Typography>
            {s.id === 'writer' ? (
              <>
                {field(model, letters, 'isAnonymous')}
                <AnonymousAware model={model} letters={letters} names={s.fields.filter((f) => f !== 'isAnonymous')} />
              </>
            ) : (
              s.fields.map((n) => field(model, letters, n))
            )}
            {s.id === 'matter' && <SourceFields model={model} letters={letters} />}
          </Box>
        ))}
      </SimpleForm>
    </Create>
  );
}
