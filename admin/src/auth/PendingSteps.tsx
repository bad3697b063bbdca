import { Box, Button, Card, CardContent, Typography } from '@mui/material';
import { useLogout, useTranslate } from 'react-admin';
import type { PendingStep } from '../providers/authProvider';
import { ChangePasswordForm } from './ChangePasswordForm';
import { TotpEnrollment } from './TotpEnrollment';

/**
 * What a new session must do before the console opens: change an initial (or reset) password, then,
 * for administrators, bind an authenticator app. Until then the server refuses everything else.
 */
export function PendingSteps({ step, displayName, onDone }: { step: PendingStep; displayName?: string; onDone: () => void }) {
  const translate = useTranslate();
  const logout = useLogout();
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', alignItems: 'flex-start', justifyContent: 'center', bgcolor: 'background.default', pt: 8 }}>
      <Card sx={{ width: 560, maxWidth: '95vw' }}>
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate(step === 'CHANGE_PASSWORD' ? 'app.account.forced_title' : 'app.totp.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
            {translate(step === 'CHANGE_PASSWORD' ? 'app.account.forced_intro' : 'app.totp.required_intro', { name: displayName ?? '' })}
          </Typography>
          {step === 'CHANGE_PASSWORD' ? <ChangePasswordForm onDone={onDone} /> : <TotpEnrollment onDone={onDone} />}
          <Box sx={{ mt: 3 }}>
            <Button onClick={() => logout()}>{translate('ra.auth.logout')}</Button>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
