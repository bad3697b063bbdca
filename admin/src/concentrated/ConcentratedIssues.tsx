import { useEffect, useState, type ReactElement } from 'react';
import { Alert, Box, Card, CardContent, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link } from 'react-router';
import { Title, useCreatePath, useGetIdentity, useGetMany, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import { DEFAULT_LOCALE } from '../i18n/i18nProvider';
import { Translated } from '../i18n/Translated';
import { graphql, type ApiError } from '../providers/authProvider';
import type { ResourceModel, SchemaModel } from '../providers/schema';
import { inputFor } from '../schema-ui/inputs';
import { labelledInput } from '../schema-ui/labelled';
import { useEnumLabel } from '../schema-ui/fields';
import { StepDialog } from '../letters/StepDialog';
import { ASKED_AFTER_REFUSAL, verbModel, verbVariables } from '../letters/verbs';
import { CONCENTRATED_ISSUES, collectiveResult, forwardable, issueOf, issueSummary, type ConcentratedIssue } from './concentrated';

/** One request per organization and page load: the letter pages of a session share it. */
const cache = new Map<string, Promise<ConcentratedIssue[]>>();
function load(organizationId: string, fresh = false): Promise<ConcentratedIssue[]> {
  if (fresh || !cache.has(organizationId)) {
    cache.set(organizationId, graphql<{ concentratedIssues: ConcentratedIssue[] }>(CONCENTRATED_ISSUES, { organizationId }).then((d) => d.concentratedIssues));
  }
  return cache.get(organizationId)!;
}

/** The concentrated issues of the signed-in account's organization (and the units below it). */
export function useConcentratedIssues(fresh = false): { issues?: ConcentratedIssue[]; error?: string } {
  const { identity } = useGetIdentity();
  const organizationId = (identity as any)?.organizationId as string | undefined;
  const [state, setState] = useState<{ issues?: ConcentratedIssue[]; error?: string }>({});
  useEffect(() => {
    if (!organizationId) return;
    load(organizationId, fresh).then(
      (issues) => setState({ issues }),
      (e: ApiError) => setState({ error: e.message }),
    );
  }, [organizationId, fresh]);
  return state;
}

/** On the letter's page: the other letters of its concentrated issue, so it is handled with them. */
export function LetterConcentratedIssue({ letterId }: { letterId: string }) {
  const { issues } = useConcentratedIssues();
  const issue = issueOf(issues, letterId);
  const others = issue?.letterIds.filter((id) => id !== String(letterId)) ?? [];
  const { data } = useGetMany('Letter', { ids: others }, { enabled: others.length > 0 });
  const createPath = useCreatePath();
  const translate = useTranslate();
  if (!issue) return null;
  return (
    <Alert severity="info" data-testid="letter-concentrated">
      <Translated k="app.concentrated.note" records={{ summary: issueSummary(issue, translate), words: issue.keyWords.slice(0, 3).join(translate('app.list_separator')) }} />{' '}
      <MuiLink component={Link} to="/concentrated">
        {translate('app.concentrated.see_group')}
      </MuiLink>
      {(data ?? []).map((l: any) => (
        <Box component="span" key={l.id} sx={{ display: 'block' }} data-record-text>
          <MuiLink component={Link} to={createPath({ resource: 'Letter', id: l.id, type: 'show' })}>
            {l.serialNumber}
          </MuiLink>{' '}
          {l.title}
        </Box>
      ))}
    </Alert>
  );
}

/** 一并转办: one dialog, the same lead department for every letter of the group whose next step is the forward. */
function CollectiveForward({ model, letters, group, onDone }: { model: SchemaModel; letters: ResourceModel; group: any[]; onDone: () => void }) {
  const notify = useNotify();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const verb = verbModel(model, 'forwardLetter');
  const { ready, waiting } = forwardable(group);
  if (!verb || !ready.length) return null;
  const send = async (values: Record<string, unknown>) => {
    const failed: Array<{ serialNumber: string; message: string }> = [];
    let done = 0;
    // one letter after another: each is its own step, refused on its own (PV5 for a unit it complains about)
    for (const l of ready) {
      try {
        await graphql(verb.document, verbVariables(verb, l, values));
        done++;
      } catch (e) {
        failed.push({ serialNumber: l.serialNumber, message: (e as ApiError).message });
      }
    }
    notify(collectiveResult(done, failed, waiting.length, translate), { type: failed.length ? 'warning' : 'success', multiLine: true });
    onDone();
  };
  return (
    <StepDialog label={translate('app.concentrated.forward_all', { smart_count: ready.length })} id={`collective-${group[0]?.id}`} fieldNames={[]} send={send} variant="contained">
      {/* the reason for a unit a letter names is given letter by letter, in its own dialog (PV5) */}
      {verb.args.filter((a) => a.name !== ASKED_AFTER_REFUSAL.forwardLetter).map((a) => labelledInput(inputFor(model, letters, a) as ReactElement<any>, locale === DEFAULT_LOCALE ? { label: a.label, hint: a.hint } : { label: translate(`resources.Letter.fields.${a.name}`, { _: a.label }) }))}
    </StepDialog>
  );
}

function IssueCard({ model, letters, issue }: { model: SchemaModel; letters: ResourceModel; issue: ConcentratedIssue }) {
  const { data, refetch } = useGetMany('Letter', { ids: issue.letterIds });
  const refresh = useRefresh();
  const enumLabel = useEnumLabel();
  const createPath = useCreatePath();
  const translate = useTranslate();
  return (
    <Card variant="outlined" data-testid="concentrated-issue">
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="subtitle1" component="h2" data-record-text>
            {issueSummary(issue, translate)}
          </Typography>
          <Stack direction="row" spacing={0.5} flexWrap="wrap" useFlexGap>
            {issue.keyWords.map((w) => (
              <Chip key={w} size="small" label={w} data-record-text />
            ))}
          </Stack>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {(data ?? []).map((l: any) => (
              <li key={l.id}>
                <Typography variant="body2" data-record-text>
                  <MuiLink component={Link} to={createPath({ resource: 'Letter', id: l.id, type: 'show' })}>
                    {l.serialNumber}
                  </MuiLink>{' '}
                  {l.title}
                  {translate('app.concentrated.letter_line', { day: l.receivedOn, status: enumLabel('LetterStatus', l.status), department: l.leadDepartmentName ? `${translate('app.concentrated.comma')}${l.leadDepartmentName}` : '' })}
                </Typography>
              </li>
            ))}
          </Box>
          {data && (
            <Box>
              <CollectiveForward
                model={model}
                letters={letters}
                group={data}
                onDone={() => {
                  void refetch();
                  refresh();
                }}
              />
            </Box>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}

/** 集中反映问题: the groups of the office's letters, each with its letters and the collective forward. */
export function ConcentratedIssuesPage({ model, letters }: { model: SchemaModel; letters: ResourceModel }) {
  const { issues, error } = useConcentratedIssues(true);
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.pages.concentrated" />
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.concentrated.intro')}
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {issues && !issues.length && <Typography color="text.secondary">{translate('app.concentrated.none')}</Typography>}
      <Stack spacing={2}>
        {(issues ?? []).map((i) => (
          <IssueCard key={i.letterIds.join(',')} model={model} letters={letters} issue={i} />
        ))}
      </Stack>
    </Box>
  );
}
