import { useState, type ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { Form, SaveButton, useTranslate } from 'react-admin';
import { ApiError, withoutField } from '../providers/authProvider';

export interface StepDialogProps {
  /** The button's and the dialog's title, e.g. 转办. */
  label: string;
  id: string;
  variant?: 'contained' | 'outlined';
  /** The names of the dialog's fields: a refusal naming one is shown under it. */
  fieldNames: readonly string[];
  defaultValues?: Record<string, unknown>;
  submitLabel?: string;
  /** Sends the step; its promise fails with the server's ApiError. */
  send: (values: Record<string, any>) => Promise<void>;
  children: ReactNode;
}

/**
 * A button opening a dialog that takes one step of a letter: the server's refusal is shown at its
 * field, in Chinese, or above the form when it names none.
 */
export function StepDialog({ label, id, variant = 'outlined', fieldNames, defaultValues, submitLabel = 'app.common.ok', send, children }: StepDialogProps) {
  const [open, setOpen] = useState(false);
  const translate = useTranslate();
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: Record<string, any>) => {
    setError(null);
    try {
      await send(values);
      setOpen(false);
    } catch (e) {
      const err = e as ApiError;
      const message = withoutField(err.message ?? String(e));
      if (err.field && fieldNames.includes(err.field)) return { [err.field]: message };
      setError(message);
    }
    return undefined;
  };
  return (
    <>
      <Button variant={variant} size="small" onClick={() => setOpen(true)} data-action={id}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby={`step-${id}`}>
        <Form onSubmit={submit} defaultValues={defaultValues}>
          <DialogTitle id={`step-${id}`}>{label}</DialogTitle>
          <DialogContent>
            {error && (
              <Alert severity="error" role="alert" sx={{ mb: 1 }}>
                {error}
              </Alert>
            )}
            {children}
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
            <SaveButton label={submitLabel} alwaysEnable icon={<></>} />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
}
