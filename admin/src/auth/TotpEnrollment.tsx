import { Alert, Box, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { Form, TextInput, required, useNotify, useTranslate } from 'react-admin';
import { ApiError, forgetMe, graphql, withoutField } from '../providers/authProvider';

interface Enrollment {
  secret: string;
  otpauthUrl: string;
}

/** ABCD EFGH …: easier to type into an authenticator app. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Binding an authenticator app (TOTP), required of administrators: `beginTotpEnrollment` gives a new
 * secret and its otpauth:// address, and a code from the app confirms it.
 */
export function TotpEnrollment({ onDone }: { onDone?: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof ApiError ? withoutField(e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const begin = () =>
    run(async () => {
      const data = await graphql<{ beginTotpEnrollment: Enrollment }>('mutation { beginTotpEnrollment { secret otpauthUrl } }');
      setEnrollment(data.beginTotpEnrollment);
    });

  const confirm = (values: Record<string, any>) =>
    run(async () => {
      await graphql('mutation ($code: String!) { confirmTotpEnrollment(code: $code) { id } }', { code: String(values.code ?? '').trim() });
      forgetMe();
      notify('app.totp.enrolled', { type: 'success' });
      onDone?.();
    });

  return (
    <Box sx={{ maxWidth: 520 }}>
      <Typography variant="body1" sx={{ mb: 2 }}>
        {translate('app.totp.intro')}
      </Typography>
      {!enrollment ? (
        <Button variant="contained" onClick={begin} disabled={busy}>
          {translate('app.totp.begin')}
        </Button>
      ) : (
        <>
          <Typography variant="subtitle2">{translate('app.totp.secret')}</Typography>
          <Typography component="p" data-testid="totp-secret" sx={{ fontFamily: 'monospace', fontSize: '1.1rem', mb: 1, wordBreak: 'break-all' }}>
            {grouped(enrollment.secret)}
          </Typography>
          <Typography variant="subtitle2">{translate('app.totp.uri')}</Typography>
          <Typography component="p" data-testid="totp-uri" sx={{ fontFamily: 'monospace', fontSize: '0.85rem', mb: 2, wordBreak: 'break-all' }}>
            <a href={enrollment.otpauthUrl}>{enrollment.otpauthUrl}</a>
          </Typography>
          <Form onSubmit={confirm} noValidate>
            <TextInput
              source="code"
              label="app.totp.code"
              autoComplete="one-time-code"
              validate={required()}
              slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 6 } }}
            />
            <Box>
              <Button type="submit" variant="contained" disabled={busy}>
                {translate('app.totp.confirm')}
              </Button>
            </Box>
          </Form>
        </>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
    </Box>
  );
}
