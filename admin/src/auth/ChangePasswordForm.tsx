import { Alert, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, PasswordInput, required, useNotify, useTranslate } from 'react-admin';
import { ApiError, forgetMe, graphql, withoutField } from '../providers/authProvider';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const sameAsNew = (value: string, all: Values) => (value && value !== all.newPassword ? 'app.account.password_mismatch' : undefined);

/**
 * The user's own password change (`changePassword`): forced after an initial or reset password, and
 * from the user menu at any time. The server checks the rule and ends the account's other sessions.
 */
export function ChangePasswordForm({ onDone }: { onDone?: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: Record<string, any>) => {
    setSaving(true);
    setError(null);
    try {
      await graphql(`mutation ($currentPassword: String!, $newPassword: String!) { changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { id } }`, {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      forgetMe();
      notify('app.account.password_changed', { type: 'success' });
      onDone?.();
    } catch (e) {
      setError(e instanceof ApiError ? withoutField(e.message) : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form onSubmit={submit} noValidate>
      <Box sx={{ display: 'flex', flexDirection: 'column', maxWidth: 420 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.account.password_rule')}
        </Typography>
        <PasswordInput source="currentPassword" label="app.account.current_password" autoComplete="current-password" validate={required()} />
        <PasswordInput source="newPassword" label="app.account.new_password" autoComplete="new-password" validate={required()} />
        <PasswordInput source="confirmPassword" label="app.account.confirm_password" autoComplete="new-password" validate={[required(), sameAsNew]} />
        {error && (
          <Alert severity="error" sx={{ mb: 2 }}>
            {error}
          </Alert>
        )}
        <Button type="submit" variant="contained" disabled={saving}>
          {translate('app.account.change_password')}
        </Button>
      </Box>
    </Form>
  );
}
