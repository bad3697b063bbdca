import { useState } from 'react';
import { Alert, Button, Stack } from '@mui/material';
import { TextInput, required, useNotify, usePermissions, useRefresh } from 'react-admin';
import { graphql } from '../providers/authProvider';
import { StepDialog } from './StepDialog';
import { canDisclose, canReveal } from './writer';

const REVEAL = `mutation ($id: ID!, $reason: String!) { revealLetterWriter(id: $id, reason: $reason) { writerName writerPhone writerIdNumber writerAddress } }`;
const DISCLOSE = `mutation ($id: ID!, $reason: String!, $version: Int) { discloseLetterWriter(id: $id, reason: $reason, version: $version) { id version } }`;

const reasonInput = (helperText: string) => <TextInput source="reason" label="理由" helperText={helperText} validate={required()} multiline fullWidth />;

/** Beside the masked writer: 查看完整信息 (PR1, audited) and 向承办单位披露来信人 (PR2). */
export function WriterButtons({ letter }: { letter: any }) {
  const { permissions } = usePermissions<string[]>();
  const roles = Array.isArray(permissions) ? permissions : [];
  const notify = useNotify();
  const refresh = useRefresh();
  const [full, setFull] = useState<Record<string, string | null> | null>(null);
  const reveal = canReveal(roles, letter);
  const disclose = canDisclose(roles, letter);
  if (!reveal && !disclose) return null;
  return (
    <Stack spacing={1} alignItems="flex-start">
      <Stack direction="row" spacing={1}>
        {reveal && !full && (
          <StepDialog label="查看完整信息" id="revealLetterWriter" fieldNames={['reason']} send={async (v) => setFull((await graphql<any>(REVEAL, { id: String(letter.id), reason: v.reason })).revealLetterWriter)}>
            {reasonInput('如：电话回访来信人；查看记入审计日志')}
          </StepDialog>
        )}
        {disclose && (
          <StepDialog
            label="向承办单位披露来信人"
            id="discloseLetterWriter"
            fieldNames={['reason']}
            send={async (v) => {
              await graphql(DISCLOSE, { id: String(letter.id), reason: v.reason, version: letter.version });
              notify('已向承办单位披露来信人', { type: 'success' });
              refresh();
            }}
          >
            {reasonInput('承办单位须联系来信人时填写；披露后承办单位可见来信人信息')}
          </StepDialog>
        )}
      </Stack>
      {full && (
        <Alert severity="warning" data-testid="writer-full" action={<Button onClick={() => setFull(null)}>隐藏</Button>}>
          {[full.writerName, full.writerPhone, full.writerIdNumber, full.writerAddress].filter(Boolean).join('　')}（本次查看已记入审计日志）
        </Alert>
      )}
    </Stack>
  );
}
