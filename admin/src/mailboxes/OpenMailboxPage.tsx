import { Alert, Box, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { useParams } from 'react-router';
import {
  ArrayInput,
  BooleanInput,
  Form,
  Loading,
  SaveButton,
  SelectInput,
  SimpleFormIterator,
  TextInput,
  Title,
  ResourceContextProvider,
  required,
  useGetIdentity,
  useGetList,
  useGetOne,
  useNotify,
  useRedirect,
  useSourceContext,
} from 'react-admin';
import { todayInChina } from '../letters/deadlines';
import { AddItemButton } from '../schema-ui/AddItemButton';
import { phoneValidator } from '../schema-ui/phone';
import { graphql, type ApiError } from '../providers/authProvider';
import { dateValidator, normalizeDate } from '../schema-ui/dates';
import { OPEN_MAILBOX, OPENING_LETTERS, isSubstitute, openedText, openingState, openingVariables, type MailboxValue, type OpeningValues } from './mailboxes';

/** The opener and, for a substitute, the group leader's approval (MB2). */
function Opener({ mailbox, choices, groupLeaderName, fixed }: { mailbox: MailboxValue; choices: Array<{ id: string; name: string }>; groupLeaderName?: string | null; fixed: boolean }) {
  const opener = useWatch({ name: 'openedByMemberId' }) as string | undefined;
  const substitute = isSubstitute(mailbox, opener);
  return (
    <>
      {fixed ? (
        <Typography variant="body2" sx={{ mb: 2 }}>
          开启委员：{choices.find((c) => c.id === opener)?.name ?? ''}
        </Typography>
      ) : (
        <SelectInput source="openedByMemberId" label="开启委员" choices={choices} validate={required()} fullWidth helperText="负责委员外出时，由小组组长安排其他委员代为开启" />
      )}
      {substitute &&
        (groupLeaderName ? (
          <BooleanInput source="approved" label={`已经小组组长 ${groupLeaderName} 同意代为开启`} validate={(v: unknown) => (v ? undefined : '代为开启须经小组组长同意')} />
        ) : (
          <Alert severity="error" sx={{ mb: 2 }}>
            信箱所在小组未设组长，不能安排代开：请办公室先为小组指定组长。
          </Alert>
        ))}
    </>
  );
}

function LetterCount() {
  const letters = (useWatch({ name: 'letters' }) as unknown[] | undefined) ?? [];
  return (
    <Typography variant="body2" color="text.secondary" data-testid="letters-found">
      收到来信 {letters.length} 封{letters.length ? '，保存时逐封登记编号' : '（无来信时直接保存）'}
    </Typography>
  );
}

/** One letter found: what it asks and who wrote it (an anonymous writer leaves no identity, PR4). */
function FoundLetterInputs() {
  // inside the iterator, sources are the item's own (letters.0.title)
  const anonymous = useWatch({ name: useSourceContext().getSource('isAnonymous') }) as boolean | undefined;
  return (
    <Stack sx={{ width: '100%' }}>
      <TextInput source="title" label="标题" validate={required()} fullWidth helperText="如：小区路灯不亮" />
      <TextInput source="content" label="反映的问题和诉求" validate={required()} multiline minRows={2} fullWidth helperText={false} />
      <BooleanInput source="isAnonymous" label="匿名来信" helperText={false} />
      {!anonymous && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
          <TextInput source="writerName" label="来信人姓名" helperText={false} />
          <TextInput source="writerPhone" label="联系电话" validate={phoneValidator} helperText={false} />
          <TextInput source="writerAddress" label="住址" helperText={false} sx={{ flex: 1 }} />
        </Stack>
      )}
    </Stack>
  );
}

/**
 * 开启信箱: the day, who opened it (a substitute with the group leader's approval, MB2) and every
 * letter found, registered with the opening in one save (MB3); saved, each letter has its number.
 */
export function OpenMailboxPage() {
  const { id } = useParams();
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const redirect = useRedirect();
  const { data: mailbox, isPending } = useGetOne<any>('Mailbox', { id: id! }, { enabled: !!id });
  const { data: group } = useGetOne<any>('LiaisonGroup', { id: mailbox?.liaisonGroupId }, { enabled: !!mailbox?.liaisonGroupId });
  const memberId = (identity as any)?.memberId as string | null | undefined;
  // the office picks among the group's members; a member opens as themself
  const { data: groupMembers } = useGetList<any>('Member', { filter: { liaisonGroupId: mailbox?.liaisonGroupId }, pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } }, { enabled: !!mailbox?.liaisonGroupId && !memberId });
  const [saving, setSaving] = useState(false);
  if (isPending || !identity) return <Loading />;
  if (!mailbox) return <Alert severity="error">找不到该信箱，或您无权开启。</Alert>;

  const choices = memberId
    ? [{ id: String(memberId), name: String(memberId) === String(mailbox.leadMemberId) ? (mailbox.leadMemberName ?? '') : identity.fullName?.replace(/（.*）$/, '') ?? '' }]
    : [
        { id: String(mailbox.leadMemberId), name: `${mailbox.leadMemberName ?? ''}（负责委员）` },
        ...(groupMembers ?? [])
          .filter((m) => String(m.id) !== String(mailbox.leadMemberId))
          .map((m) => ({ id: String(m.id), name: mailbox.rotationMemberIds.map(String).includes(String(m.id)) ? `${m.name}（轮值委员）` : m.name })),
      ];
  const defaults: OpeningValues = { openedOn: todayInChina(), openedByMemberId: String(memberId ?? mailbox.leadMemberId), letters: [] };

  const save = async (values: Record<string, any>) => {
    setSaving(true);
    try {
      const vars = openingVariables(mailbox, values as OpeningValues, group?.leaderMemberId);
      const { openMailbox } = await graphql<{ openMailbox: { id: string } }>(OPEN_MAILBOX, vars);
      const { allLetters } = await graphql<{ allLetters: Array<{ serialNumber: string }> }>(OPENING_LETTERS, { o: openMailbox.id });
      notify(openedText(allLetters.map((l) => l.serialNumber)), { type: 'success', autoHideDuration: 10_000 });
      redirect('show', 'Mailbox', mailbox.id);
    } catch (e) {
      notify((e as ApiError).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  const state = openingState(mailbox, todayInChina());
  return (
    <Card sx={{ mt: 1, maxWidth: 880 }}>
      <Title title={`开启信箱：${mailbox.name}`} />
      <CardContent>
        <Typography variant="h6" component="h2">
          开启信箱：{mailbox.name}
        </Typography>
        <Typography variant="body2" color={state.overdue ? 'error' : 'text.secondary'} sx={{ mb: 2 }}>
          最近开启 {mailbox.lastOpenedOn ?? '尚未开启'} · {state.text}
        </Typography>
        {/* the iterator's inputs need a resource: the letters being registered */}
        <ResourceContextProvider value="Letter">
        <Form defaultValues={defaults} onSubmit={save}>
          <TextInput
            source="openedOn"
            label="开启日期"
            validate={[required(), dateValidator]}
            parse={(x: string) => (x === '' ? null : normalizeDate(x))}
            inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
            helperText={false}
          />
          <Opener mailbox={mailbox} choices={choices} groupLeaderName={group?.leaderMemberName} fixed={!!memberId} />
          <Divider sx={{ my: 1 }} />
          <Typography variant="subtitle1" component="h3">
            收到的来信
          </Typography>
          <LetterCount />
          <ArrayInput source="letters" label={false}>
            <SimpleFormIterator disableReordering disableClear fullWidth addButton={<AddItemButton label="添加一封来信" />} getItemLabel={(i: number) => `第 ${i + 1} 封`}>
              <FoundLetterInputs />
            </SimpleFormIterator>
          </ArrayInput>
          <TextInput source="notes" label="备注" fullWidth helperText="不填则记为“开启信箱，收到来信 N 封”" />
          <Box sx={{ mt: 2 }}>
            <SaveButton label="保存开启记录并登记来信" disabled={saving} alwaysEnable />
          </Box>
        </Form>
        </ResourceContextProvider>
      </CardContent>
    </Card>
  );
}

