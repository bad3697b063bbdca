import { useState } from 'react';
import { Alert, Button, Stack } from '@mui/material';
import { TextInput, required, useNotify, usePermissions, useRefresh, useTranslate } from 'react-admin';
import { graphql } from '../providers/authProvider';
import { StepDialog } from './StepDialog';
import { canDisclose, canReveal } from './writer';

const REVEAL = `mutation ($id: ID!, $reason: String!) { revealLetterWriter(id: $id, reason: $reason) { writerName writerPhone writerIdNumber writerAddress } }`;
const DISCLOSE = `mutation ($id: ID!, $reason: String!, $version: Int) { discloseLetterWriter(id: $id, reason: $reason, version: $version) { id version } }`;

const reasonInput = (helperText: string) => <TextInput source="reason" label="app.letters.writer_buttons.reason" helperText={helperText} validate={required()} multiline fullWidth />;

/** Beside the masked writer: 查看完整信息 (PR1, audited) and 向承办单位披露来信人 (PR2). */
export function WriterButtons({ letter }: { letter: any }) {
  const { permissions } = usePermissions<string[]>();
  const roles = Array.isArray(permissions) ? permissions : [];
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [full, setFull] = useState<Record<string, string | null> | null>(null);
  const reveal = canReveal(roles, letter);
  const disclose = canDisclose(roles, letter);
  if (!reveal && !disclose) return null;
  return (
    <Stack spacing={1} alignItems="flex-start">
      <Stack direction="row" spacing={1}>
        {reveal && !full && (
          <StepDialog label={translate('app.letters.writer_buttons.reveal')} id="revealLetterWriter" fieldNames={['reason']} send={async (v) => setFull((await graphql<any>(REVEAL, { id: String(letter.id), reason: v.reason })).revealLetterWriter)}>
            {reasonInput('app.letters.writer_buttons.reveal_hint')}
          </StepDialog>
        )}
        {disclose && (
          <StepDialog
            label={translate('app.letters.writer_buttons.disclose')}
            id="discloseLetterWriter"
            fieldNames={['reason']}
            send={async (v) => {
              await graphql(DISCLOSE, { id: String(letter.id), reason: v.reason, version: letter.version });
              notify('app.letters.writer_buttons.disclosed', { type: 'success' });
              refresh();
            }}
          >
            {reasonInput('app.letters.writer_buttons.disclose_hint')}
          </StepDialog>
        )}
      </Stack>
      {full && (
        <Alert severity="warning" data-testid="writer-full" action={<Button onClick={() => setFull(null)}>{translate('app.letters.writer_buttons.hide')}</Button>}>
          {[full.writerName, full.writerPhone, full.writerIdNumber, full.writerAddress].filter(Boolean).join('　')}
          {translate('app.letters.writer_buttons.audited')}
        </Alert>
      )}
    </Stack>
  );
}
