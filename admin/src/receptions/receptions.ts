import { zhT, type Translate } from '../i18n/translate';
/**
 * A reception as a station records it (ST4, ST5): its deputies, liaison officer and every issue raised,
 * saved together. Pure: unit-tested in test/admin/receptions.test.ts.
 */
export interface IssueValues {
  title?: string;
  content?: string;
  writerName?: string;
  writerPhone?: string;
  answeredOnTheSpot?: boolean;
  answer?: string;
}

export interface ReceptionValues {
  liaisonStationId: string;
  form: string;
  heldOn: string;
  topic?: string;
  location?: string;
  deputyIds?: string[];
  liaisonOfficerId?: string | null;
  visitorCount?: number | null;
  summary?: string;
  issues?: IssueValues[];
}

const blank = (v?: string | null) => (v?.trim() ? v.trim() : null);

/** The recordReception variables of the form: an answer only for an issue answered on the spot (ST5). */
export function receptionVariables(v: ReceptionValues) {
  return {
    liaisonStationId: v.liaisonStationId,
    form: v.form,
    heldOn: v.heldOn,
    topic: blank(v.topic),
    location: blank(v.location),
    deputyIds: v.deputyIds ?? [],
    liaisonOfficerId: v.liaisonOfficerId || null,
    visitorCount: v.visitorCount ?? null,
    summary: blank(v.summary),
    issues: (v.issues ?? []).map((i) => ({
      title: i.title?.trim() ?? '',
      content: i.content?.trim() ?? '',
      writerName: blank(i.writerName),
      writerPhone: blank(i.writerPhone),
      answeredOnTheSpot: !!i.answeredOnTheSpot,
      answer: i.answeredOnTheSpot ? blank(i.answer) : null,
    })),
  };
}

export const RECORD_RECEPTION = `
  mutation (
    $liaisonStationId: ID!, $form: ReceptionForm!, $heldOn: LocalDate!, $topic: String, $location: String, $deputyIds: [ID!],
    $liaisonOfficerId: ID, $visitorCount: Int, $summary: String, $issues: [ReceptionIssueInput!]
  ) {
    recordReception(
      liaisonStationId: $liaisonStationId, form: $form, heldOn: $heldOn, topic: $topic, location: $location, deputyIds: $deputyIds,
      liaisonOfficerId: $liaisonOfficerId, visitorCount: $visitorCount, summary: $summary, issues: $issues
    ) { id }
  }
`;

/** What the station reads once saved: 已记录接待活动，登记问题 3 个，其中当场答复办结 1 个. */
export function recordedText(issues: Array<Pick<IssueValues, 'answeredOnTheSpot'>>, t: Translate = zhT): string {
  if (!issues.length) return t('app.receptions.recorded_none');
  const onTheSpot = issues.filter((i) => i.answeredOnTheSpot).length;
  return `${t('app.receptions.recorded', { smart_count: issues.length })}${onTheSpot ? t('app.receptions.recorded_on_the_spot', { smart_count: onTheSpot }) : ''}`;
}

export const STATION_COMPLIANCE = `
  {
    stationsWithTooFewDeputies { id name deputyIds deputyInChargeName }
    stationsWithoutRecentReception { liaisonStationId liaisonStationName lastReceptionOn dueSince }
    deputiesWithoutReceptionThisYear { id name }
  }
`;

/** ST2's line for a station behind: 最近接待 2026-08-03 / 从未接待. */
export const lastReceptionText = (lastReceptionOn: string | null, t: Translate = zhT) =>
  lastReceptionOn ? t('app.receptions.last_reception', { day: lastReceptionOn }) : t('app.receptions.never_received');
