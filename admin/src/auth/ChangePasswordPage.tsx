import { Card, CardContent } from '@mui/material';
import { Title, useRedirect, useTranslate } from 'react-admin';
import { ChangePasswordForm } from './ChangePasswordForm';

/** 修改密码 from the user menu. */
export function ChangePasswordPage() {
  const translate = useTranslate();
  const redirect = useRedirect();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('app.account.change_password')} />
      <CardContent>
        <ChangePasswordForm onDone={() => redirect('/')} />
      </CardContent>
    </Card>
  );
}
