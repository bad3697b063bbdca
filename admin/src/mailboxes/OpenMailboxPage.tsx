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
  useTranslate,
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
  const translate = useTranslate();
  return (
    <>
      {fixed ? (
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.mailboxes.opener_is', { name: choices.find((c) => c.id === opener)?.name ?? '' })}
        </Typography>
      ) : (
        <SelectInput source="openedByMemberId" label="app.mailboxes.fields.opener" choices={choices} validate={required()} fullWidth helperText="app.mailboxes.opener_hint" />
      )}
      {substitute &&
        (groupLeaderName ? (
          <BooleanInput source="approved" label={translate('app.mailboxes.approved', { name: groupLeaderName })} validate={(v: unknown) => (v ? undefined : 'app.mailboxes.approval_required')} />
        ) : (
          <Alert severity="error" sx={{ mb: 2 }}>
            {translate('app.mailboxes.no_group_leader')}
          </Alert>
        ))}
    </>
  );
}

function LetterCount() {
  const letters = (useWatch({ name: 'letters' }) as unknown[] | undefined) ?? [];
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" data-testid="letters-found">
      {translate(letters.length ? 'app.mailboxes.found_count' : 'app.mailboxes.found_none', { smart_count: letters.length })}
    </Typography>
  );
}

/** One letter found: what it asks and who wrote it (an anonymous writer leaves no identity, PR4). */
function FoundLetterInputs() {
  // inside the iterator, sources are the item's own (letters.0.title)
  const anonymous = useWatch({ name: useSourceContext().getSource('isAnonymous') }) as boolean | undefined;
  return (
    <Stack sx={{ width: '100%' }}>
      <TextInput source="title" label="app.letters.fields.title" validate={required()} fullWidth helperText="app.mailboxes.title_hint" />
      <TextInput source="content" label="app.mailboxes.content" validate={required()} multiline minRows={2} fullWidth helperText={false} />
      <BooleanInput source="isAnonymous" label="app.mailboxes.anonymous" helperText={false} />
      {!anonymous && (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
          <TextInput source="writerName" label="app.mailboxes.writer_name" helperText={false} />
          <TextInput source="writerPhone" label="app.mailboxes.writer_phone" validate={phoneValidator} helperText={false} />
          <TextInput source="writerAddress" label="app.mailboxes.writer_address" helperText={false} sx={{ flex: 1 }} />
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
  const translate = useTranslate();
  if (isPending || !identity) return <Loading />;
  if (!mailbox) return <Alert severity="error">{translate('app.mailboxes.not_found')}</Alert>;

  const choices = memberId
    ? [{ id: String(memberId), name: String(memberId) === String(mailbox.leadMemberId) ? (mailbox.leadMemberName ?? '') : identity.fullName?.replace(/（.*）$/, '') ?? '' }]
    : [
        { id: String(mailbox.leadMemberId), name: translate('app.mailboxes.as_lead', { name: mailbox.leadMemberName ?? '' }) },
        ...(groupMembers ?? [])
          .filter((m) => String(m.id) !== String(mailbox.leadMemberId))
          .map((m) => ({ id: String(m.id), name: mailbox.rotationMemberIds.map(String).includes(String(m.id)) ? translate('app.mailboxes.as_rotation', { name: m.name }) : m.name })),
      ];
  const defaults: OpeningValues = { openedOn: todayInChina(), openedByMemberId: String(memberId ?? mailbox.leadMemberId), letters: [] };

  const save = async (values: Record<string, any>) => {
    setSaving(true);
    try {
      const vars = openingVariables(mailbox, values as OpeningValues, group?.leaderMemberId);
      const { openMailbox } = await graphql<{ openMailbox: { id: string } }>(OPEN_MAILBOX, vars);
      const { allLetters } = await graphql<{ allLetters: Array<{ serialNumber: string }> }>(OPENING_LETTERS, { o: openMailbox.id });
      notify(openedText(allLetters.map((l) => l.serialNumber), translate), { type: 'success', autoHideDuration: 10_000 });
      redirect('show', 'Mailbox', mailbox.id);
    } catch (e) {
      notify((e as ApiError).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  const state = openingState(mailbox, todayInChina(), translate);
  // the mailbox's name is the record's own words
  const heading = (
    <span>
      {translate('app.mailboxes.open_prefix')}
      <span data-record-text>{mailbox.name}</span>
    </span>
  );
  return (
    <Card sx={{ mt: 1, maxWidth: 880 }}>
      <Title title={heading} />
      <CardContent>
        <Typography variant="h6" component="h2">
          {heading}
        </Typography>
        <Typography variant="body2" color={state.overdue ? 'error' : 'text.secondary'} sx={{ mb: 2 }}>
          {translate('app.mailboxes.last_opened', { day: mailbox.lastOpenedOn ?? translate('app.mailboxes.never_opened'), state: state.text })}
        </Typography>
        {/* the iterator's inputs need a resource: the letters being registered */}
        <ResourceContextProvider value="Letter">
        <Form defaultValues={defaults} onSubmit={save}>
          <TextInput
            source="openedOn"
            label="app.mailboxes.fields.openedOn"
            validate={[required(), dateValidator]}
            parse={(x: string) => (x === '' ? null : normalizeDate(x))}
            inputProps={{ inputMode: 'numeric', autoComplete: 'off' }}
            helperText={false}
          />
          <Opener mailbox={mailbox} choices={choices} groupLeaderName={group?.leaderMemberName} fixed={!!memberId} />
          <Divider sx={{ my: 1 }} />
          <Typography variant="subtitle1" component="h3">
            {translate('app.mailboxes.found_letters')}
          </Typography>
          <LetterCount />
          <ArrayInput source="letters" label={false}>
            <SimpleFormIterator disableReordering disableClear fullWidth addButton={<AddItemButton label="app.mailboxes.add_letter" />} getItemLabel={(i: number) => translate('app.mailboxes.nth_letter', { n: i + 1 })}>
              <FoundLetterInputs />
            </SimpleFormIterator>
          </ArrayInput>
          <TextInput source="notes" label="app.mailboxes.fields.notes" fullWidth helperText="app.mailboxes.notes_hint" />
          <Box sx={{ mt: 2 }}>
            <SaveButton label="app.mailboxes.save" disabled={saving} alwaysEnable />
          </Box>
        </Form>
        </ResourceContextProvider>
      </CardContent>
    </Card>
  );
}

