import { useState, type ReactElement } from 'react';
import { useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { DEFAULT_LOCALE } from '../i18n/i18nProvider';
import { ApiError, graphql } from '../providers/authProvider';
import type { ResourceModel, SchemaModel } from '../providers/schema';
import { inputFor } from '../schema-ui/inputs';
import { labelledInput } from '../schema-ui/labelled';
import { StepDialog } from './StepDialog';
import { todayInChina } from './deadlines';
import { ASKED_AFTER_REFUSAL, PICKED_BY_QUERY, verbDefaults, verbVariables, type VerbModel } from './verbs';
import { HandOverPicker } from './HandOverPicker';

export interface VerbButtonProps {
  model: SchemaModel;
  letters: ResourceModel;
  verb: VerbModel;
  label: string;
  letter: { id: string; version: number };
  primary?: boolean;
}

/**
 * One step of a letter (an entry of its `myActions`): a dialog built from the verb's arguments in the
 * committed schema; a department picker never offers a unit the letter complains about (PV5). An
 * argument asked only after a refusal (ASKED_AFTER_REFUSAL) appears when the server names it: the
 * refusal stays above the form, the field asks for the reason, and the next submit resends.
 */
export function VerbButton({ model, letters, verb, label, letter, primary }: VerbButtonProps) {
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const later = ASKED_AFTER_REFUSAL[verb.action];
  const [asked, setAsked] = useState(false);
  const args = verb.args.filter((a) => a.name !== later || asked);
  const [locale] = useLocaleState();
  // the step's words are the schema's Chinese descriptions; English names the argument as the letter's field
  const english = locale !== DEFAULT_LOCALE;
  const argLabel = (a: VerbModel['args'][number]) => (english ? translate(`resources.Letter.fields.${a.name}`, { _: a.label }) : a.label);
  const send = async (values: Record<string, unknown>) => {
    try {
      await graphql(verb.document, verbVariables(verb, letter, values));
    } catch (e) {
      if (later && e instanceof ApiError && e.field === later) setAsked(true);
      throw e;
    }
    notify(translate('app.verbs.done', { label }), { type: 'success' });
    refresh();
  };
  return (
    <StepDialog label={label} id={verb.action} variant={primary ? 'contained' : 'outlined'} fieldNames={args.map((a) => a.name)} defaultValues={verbDefaults(verb, todayInChina())} send={send}>
      {args.map((a) =>
        PICKED_BY_QUERY[verb.action] === a.name ? (
          <HandOverPicker key={a.name} source={a.name} label={argLabel(a)} letterId={String(letter.id)} />
        ) : labelledInput(inputFor(model, letters, a) as ReactElement<any>, {
          label: argLabel(a),
          hint: a.name === later ? translate('app.verbs.confirmNamed') : english ? null : a.hint,
          filter: a.reference === 'Department' ? { notInvolvedInLetterId: String(letter.id) } : undefined,
        }),
      )}
    </StepDialog>
  );
}
