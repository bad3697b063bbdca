import type { ReactElement } from 'react';
import { useNotify, useRefresh } from 'react-admin';
import { graphql } from '../providers/authProvider';
import type { ResourceModel, SchemaModel } from '../providers/schema';
import { inputFor } from '../schema-ui/inputs';
import { labelledInput } from '../schema-ui/labelled';
import { StepDialog } from './StepDialog';
import { todayInChina } from './deadlines';
import { verbDefaults, verbVariables, type VerbModel } from './verbs';

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
 * committed schema; a department picker never offers a unit the letter complains about (PV5).
 */
export function VerbButton({ model, letters, verb, label, letter, primary }: VerbButtonProps) {
  const notify = useNotify();
  const refresh = useRefresh();
  const send = async (values: Record<string, unknown>) => {
    await graphql(verb.document, verbVariables(verb, letter, values));
    notify(`${label}：已完成`, { type: 'success' });
    refresh();
  };
  return (
    <StepDialog label={label} id={verb.action} variant={primary ? 'contained' : 'outlined'} fieldNames={verb.args.map((a) => a.name)} defaultValues={verbDefaults(verb, todayInChina())} send={send}>
      {verb.args.map((a) =>
        labelledInput(inputFor(model, letters, a) as ReactElement<any>, {
          label: a.label,
          hint: a.hint,
          filter: a.reference === 'Department' ? { notInvolvedInLetterId: String(letter.id) } : undefined,
        }),
      )}
    </StepDialog>
  );
}
