import LockIcon from '@mui/icons-material/Lock';
import { Typography } from '@mui/material';
import { Login, LoginForm, PasswordInput, TextInput, required, useTranslate } from 'react-admin';

/**
 * The sign-in page: username, password and, for administrators (and anyone who bound an
 * authenticator), the 6-digit TOTP code. The server sets the session cookie; refusals are shown in
 * the interface language (authProvider.login).
 */
export function LoginPage() {
  const translate = useTranslate();
  return (
    <Login avatarIcon={<LockIcon />}>
      <Typography variant="h6" component="h1" align="center" sx={{ mt: 1 }}>
        {translate('app.auth.title')}
      </Typography>
      <LoginForm>
        <TextInput autoFocus source="username" label="ra.auth.username" autoComplete="username" validate={required()} />
        <PasswordInput source="password" label="ra.auth.password" autoComplete="current-password" validate={required()} />
        <TextInput
          source="totpCode"
          label="app.auth.totp_code"
          helperText="app.auth.totp_hint"
          autoComplete="one-time-code"
          slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
        />
      </LoginForm>
    </Login>
  );
}
