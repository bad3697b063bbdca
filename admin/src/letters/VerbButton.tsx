import { cloneElement, useState, type ReactElement } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { Form, ReferenceArrayInput, ReferenceInput, SaveButton, useNotify, useRefresh } from 'react-admin';
import { ApiError, graphql, withoutField } from '../providers/authProvider';
import type { ResourceModel, SchemaModel } from '../providers/schema';
import { inputFor } from '../schema-ui/inputs';
import { verbVariables, type VerbArg, type VerbModel } from './verbs';

/**
 * The input with the dialog's label and hint; a reference input passes them to its picker, and a
 * department picker never offers a unit the letter complains about (PV5).
 */
function labelled(input: ReactElement<any>, arg: VerbArg, letterId: string): ReactElement<any> {
  const props = { label: arg.label, helperText: arg.hint ?? false, fullWidth: true };
  if (input.type === ReferenceInput || input.type === ReferenceArrayInput) {
    const filter = arg.reference === 'Department' ? { notInvolvedInLetterId: letterId } : undefined;
    return cloneElement(input, filter ? { filter } : {}, cloneElement(input.props.children as ReactElement<any>, props));
  }
  return cloneElement(input, props);
}

export interface VerbButtonProps {
  model: SchemaModel;
  letters: ResourceModel;
  verb: VerbModel;
  label: string;
  letter: { id: string; version: number };
  primary?: boolean;
}

/**
 * One step of a letter (an entry of its `myActions`): a button that opens a dialog built from the
 * verb's arguments in the committed schema. The server's refusal is shown at its field, in Chinese.
 */
export function VerbButton({ model, letters, verb, label, letter, primary }: VerbButtonProps) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const notify = useNotify();
  const refresh = useRefresh();
  const submit = async (values: Record<string, unknown>) => {
    setError(null);
    try {
      await graphql(verb.document, verbVariables(verb, letter, values));
      setOpen(false);
      notify(`${label}：已完成`, { type: 'success' });
      refresh();
      return undefined;
    } catch (e) {
      const err = e as ApiError;
      const message = withoutField(err.message ?? String(e));
      // a refusal naming one of the dialog's fields is shown under it; anything else above the form
      if (err.field && verb.args.some((a) => a.name === err.field)) return { [err.field]: message };
      setError(message);
      return undefined;
    }
  };
  return (
    <>
      <Button variant={primary ? 'contained' : 'outlined'} size="small" onClick={() => setOpen(true)} data-action={verb.action}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby={`verb-${verb.action}`}>
        <Form onSubmit={submit}>
          <DialogTitle id={`verb-${verb.action}`}>{label}</DialogTitle>
          <DialogContent>
            <Stack>
              {error && (
                <div role="alert" style={{ color: '#c62828', marginBottom: 8 }}>
                  {error}
                </div>
              )}
              {verb.args.map((a) => labelled(inputFor(model, letters, a) as ReactElement<any>, a, String(letter.id)))}
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>取消</Button>
            <SaveButton label="确定" alwaysEnable icon={<></>} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
