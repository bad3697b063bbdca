import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { belowText, cardsFor, emptyStatesFor } from '../../admin/src/dashboard/cards.js';
import { pagesFor } from '../../admin/src/layout/menuGroups.js';
import { modelForRoles } from '../../admin/src/providers/access.js';
import { buildSchemaModel, introspectionFromSdl } from '../../admin/src/providers/schema.js';

const model = buildSchemaModel(introspectionFromSdl(fs.readFileSync('schema/schema.graphql', 'utf8')));
const readable = (roles: string[]) => modelForRoles(model, roles).resources.map((r) => r.name);
const cards = (roles: string[], today = '2026-11-20') => cardsFor(roles, readable(roles), today);

describe('the dashboard of each working role', () => {
  it('shows a leader the letters awaiting the decision, the urgent ones still in hand (PV6), the important and the overdue', () => {
    expect(cards(['LEADER']).map((c) => [c.label, c.filter])).toEqual([
      ['待我办理', { actionableByMe: true }],
      ['紧急来信', { urgency: 'URGENT', open: true }],
      ['重要来信', { isImportant: true, open: true }],
      ['已超期', { overdue: true }],
    ]);
  });

  it('shows a member the constituents in touch, the letters in hand and this year’s visits, flagged below CT3 and CT4', () => {
    const member = cards(['MEMBER']);
    expect(member.map((c) => [c.testId, c.resource, c.filter ?? null])).toEqual([
      ['constituents', 'Constituent', null],
      ['letters-open', 'Letter', { open: true }],
      ['letters-mine', 'Letter', { actionableByMe: true }],
      ['contact-visits', 'ContactVisit', { visitedOn_gte: '2026-01-01', visitedOn_lte: '2026-12-31' }],
      ['letters-today', 'Letter', { receivedOn_gte: '2026-11-20', receivedOn_lte: '2026-11-20' }],
    ]);
    const [constituents, , , visits] = member;
    expect([belowText(constituents, 4), belowText(constituents, 5), belowText(constituents, undefined)]).toEqual(['少于 5 人（CT3）', null, null]);
    expect([belowText(visits, 1), belowText(visits, 2)]).toEqual(['每年至少 2 次（CT4）', null]);
    expect(emptyStatesFor(['MEMBER']).map((e) => e.testId)).toEqual(['constituents']);
  });

  it('shows station staff the open reception issues and letters of the station and this year’s receptions (ST2, ST4)', () => {
    expect(cards(['STATION_STAFF']).map((c) => [c.label, c.resource, c.filter])).toEqual([
      ['接待问题', 'Letter', { channel: 'RECEPTION', open: true }],
      ['本站来信', 'Letter', { open: true }],
      ['待我办理', 'Letter', { actionableByMe: true }],
      ['已超期', 'Letter', { overdue: true }],
      ['本年接待活动', 'Reception', { heldOn_gte: '2026-01-01', heldOn_lte: '2026-12-31' }],
    ]);
    expect(emptyStatesFor(['STATION_STAFF'])[0].text).toContain('接待活动');
  });

  it('shows committee staff what their scope holds: the members of their sectors, pairings, visits and proposals (CT2)', () => {
    expect(cards(['COMMITTEE_STAFF']).map((c) => c.resource)).toEqual(['Member', 'ContactPairing', 'ContactVisit', 'Proposal']);
    expect(cards(['COMMITTEE_STAFF'])[3].filter).toEqual({ year: 2026 });
  });

  it('gives each card once to an account with two roles, and none the roles may not read', () => {
    const both = cards(['LEADER', 'OFFICE_STAFF']).map((c) => c.testId);
    expect(both).toEqual(['letters-mine', 'letters-urgent', 'letters-important', 'letters-overdue', 'letters-soon', 'letters-today']);
    expect(cardsFor(['MEMBER'], ['Letter'], '2026-11-20').map((c) => c.testId)).toEqual(['letters-open', 'letters-mine', 'letters-today']);
  });

  it('lists the 统计 page under 统计 for leaders and office staff only (SV3)', () => {
    expect(pagesFor('statistics', ['LEADER']).map((p) => [p.path, p.label])).toEqual([['/statistics', '满意率与解决率']]);
    expect(pagesFor('statistics', ['OFFICE_STAFF']).length).toBe(1);
    expect(pagesFor('statistics', ['MEMBER', 'STATION_STAFF', 'DEPARTMENT_HANDLER', 'COMMITTEE_STAFF'])).toEqual([]);
  });
});
