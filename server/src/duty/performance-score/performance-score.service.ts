import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { badInput, notFound } from '../../common/errors.js';
import { Body } from '../../platform/body/body.entity.js';
import { ScoringRule, PerformanceMeasure } from '../scoring-rule/scoring-rule.entity.js';
import { scoreMember, type MeasureCounts } from './scoring.js';

/** DutyRecord columns and the measure each one feeds (PF1). */
const COUNT_COLUMNS: Array<[column: string, measure: PerformanceMeasure | null]> = [
  ['proposals', PerformanceMeasure.PROPOSALS],
  ['opinion_reports', PerformanceMeasure.OPINION_REPORTS],
  ['research', PerformanceMeasure.RESEARCH],
  ['inspections', PerformanceMeasure.INSPECTIONS],
  ['sector_activities', PerformanceMeasure.SECTOR_ACTIVITIES],
  ['practical_deeds', PerformanceMeasure.PRACTICAL_DEEDS],
  ['receptions_attended', PerformanceMeasure.RECEPTIONS_ATTENDED],
  ['constituent_visits', PerformanceMeasure.CONSTITUENT_VISITS],
  ['constituents_in_touch', PerformanceMeasure.CONSTITUENTS_IN_TOUCH],
  ['letters_handled', null],
];

/**
 * Counts, per member of the body seated during the year, everything LO2/ST2/CT3/CT4 measure — one
 * set-based statement, whatever the number of members. Parameters: body, from, to (dates), year.
 */
const DUTY_RECORD_UPSERT = `
with params as (select ?::int as body_id, ?::date as d0, ?::date as d1, ?::int as yr),
m as (
  select mb.id from member mb, params
  where mb.body_id = params.body_id and mb.term_start <= params.d1 and (mb.term_end is null or mb.term_end >= params.d0)
),
p as (
  -- LO2: proposals submitted (drafts do not count), by proposal year
  select pr.member_id, count(*) as n from proposal pr, params
  where pr.year = params.yr and pr.status <> 'DRAFT' and pr.member_id in (select id from m)
  group by pr.member_id
),
o as (
  select r.member_id, count(*) as n from opinion_report r, params
  where r.submitted_on between params.d0 and params.d1 and r.member_id in (select id from m)
  group by r.member_id
),
a as (
  -- LO2: activities attended in person, by kind
  select at.member_id,
    count(*) filter (where ac.kind = 'RESEARCH') as research,
    count(*) filter (where ac.kind = 'INSPECTION') as inspections,
    count(*) filter (where ac.kind = 'SECTOR_ACTIVITY') as sector_activities,
    count(*) filter (where ac.kind = 'PRACTICAL_DEED') as practical_deeds
  from attendance at join activity ac on ac.id = at.activity_id, params
  where at.status = 'PRESENT' and ac.held_on between params.d0 and params.d1 and at.member_id in (select id from m)
  group by at.member_id
),
r as (
  -- ST2: receptions attended — an attendance marked present, or being one of the reception's
  -- receiving deputies without an attendance saying otherwise
  select x.member_id, count(distinct x.reception_id) as n from (
    select at.member_id, at.reception_id from attendance at join reception re on re.id = at.reception_id, params
    where at.status = 'PRESENT' and re.held_on between params.d0 and params.d1
    union
    select rd.member_id, rd.reception_id from reception_deputies rd join reception re on re.id = rd.reception_id, params
    where re.held_on between params.d0 and params.d1
      and not exists (select 1 from attendance at where at.member_id = rd.member_id and at.reception_id = rd.reception_id and at.status <> 'PRESENT')
  ) x
  where x.member_id in (select id from m)
  group by x.member_id
),
v as (
  -- CT4: a member's visits to constituents
  select cv.member_id, count(*) as n from contact_visit cv, params
  where cv.kind = 'MEMBER_CONSTITUENT' and cv.visited_on between params.d0 and params.d1 and cv.member_id in (select id from m)
  group by cv.member_id
),
c as (
  -- CT3: constituents the member keeps in touch with during the year
  select cp.member_id, count(distinct cp.constituent_id) as n from contact_pairing cp, params
  where cp.kind = 'MEMBER_CONSTITUENT' and (cp.start_date is null or cp.start_date <= params.d1)
    and (cp.end_date is null or cp.end_date >= params.d0) and cp.member_id in (select id from m)
  group by cp.member_id
),
l as (
  select le.member_id, count(*) as n from letter le, params
  where le.received_on between params.d0 and params.d1 and le.status not in ('VOIDED', 'MERGED') and le.member_id in (select id from m)
  group by le.member_id
)
insert into duty_record (member_id, year, proposals, opinion_reports, research, inspections, sector_activities,
  practical_deeds, receptions_attended, constituent_visits, constituents_in_touch, letters_handled, computed_at,
  version, created_at, updated_at)
select m.id, params.yr, coalesce(p.n, 0), coalesce(o.n, 0), coalesce(a.research, 0), coalesce(a.inspections, 0),
  coalesce(a.sector_activities, 0), coalesce(a.practical_deeds, 0), coalesce(r.n, 0), coalesce(v.n, 0),
  coalesce(c.n, 0), coalesce(l.n, 0), now(), 1, now(), now()
from m cross join params
  left join p on p.member_id = m.id left join o on o.member_id = m.id left join a on a.member_id = m.id
  left join r on r.member_id = m.id left join v on v.member_id = m.id left join c on c.member_id = m.id
  left join l on l.member_id = m.id
on conflict (member_id, year) do update set
  proposals = excluded.proposals, opinion_reports = excluded.opinion_reports, research = excluded.research,
  inspections = excluded.inspections, sector_activities = excluded.sector_activities,
  practical_deeds = excluded.practical_deeds, receptions_attended = excluded.receptions_attended,
  constituent_visits = excluded.constituent_visits, constituents_in_touch = excluded.constituents_in_touch,
  letters_handled = excluded.letters_handled, computed_at = excluded.computed_at,
  version = duty_record.version + 1, updated_at = now()
returning member_id`;

const SCORE_UPSERT = `
insert into performance_score (member_id, year, total, breakdown, computed_at, version, created_at, updated_at)
select x.member_id, ?::int, x.total, x.breakdown, now(), 1, now(), now()
from jsonb_to_recordset(?::jsonb) as x(member_id int, total double precision, breakdown jsonb)
on conflict (member_id, year) do update set
  total = excluded.total, breakdown = excluded.breakdown, computed_at = excluded.computed_at,
  version = performance_score.version + 1, updated_at = now()`;

/**
 * LO3/PF1/PF2: recomputes the duty records of every member of a body seated during the year, then
 * scores them by the body's rules for that year, in one transaction and a fixed number of statements.
 * Returns the number of members scored.
 */
export async function computePerformanceScores(em: EntityManager, bodyId: number, year: number, bodyScope?: FilterQuery<Body>): Promise<number> {
  if (!Number.isInteger(year) || year < 1949 || year > 2100) throw badInput('year', '年度须在 1949 到 2100 之间');
  return em.transactional(async (tx) => {
    // `bodyScope`: the caller's reach (PR3); a body outside it is as unknown as a missing one
    const body = await tx.findOne(Body, bodyScope ? { $and: [{ id: bodyId }, bodyScope] } : { id: bodyId });
    if (!body) throw notFound('机构', bodyId, 'bodyId');
    const scored: Array<{ member_id: number }> = await tx.execute(DUTY_RECORD_UPSERT, [bodyId, `${year}-01-01`, `${year}-12-31`, year]);
    if (!scored.length) return 0;
    const ids = scored.map((s) => s.member_id);
    const rows: Array<Record<string, any>> = await tx.execute(
      `select d.*, mb.kind as member_kind from duty_record d join member mb on mb.id = d.member_id
       where d.year = ? and d.member_id = any(?::int[])`,
      [year, `{${ids.join(',')}}`],
    );
    const rules = await tx.find(ScoringRule, { body: bodyId, year });
    const scores = rows.map((row) => {
      const counts: MeasureCounts = {};
      for (const [column, measure] of COUNT_COLUMNS) if (measure) counts[measure] = Number(row[column]);
      const { total, breakdown } = scoreMember(counts, rules.filter((r) => r.memberKind === row.member_kind));
      return { member_id: row.member_id, total, breakdown };
    });
    await tx.execute(SCORE_UPSERT, [year, JSON.stringify(scores)]);
    return scores.length;
  });
}
