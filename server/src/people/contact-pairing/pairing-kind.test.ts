import { describe, expect, it } from 'vitest';
import { ContactPairingKind, pairingCheckExpression, pairingLinkProblem } from './pairing-kind.js';

const links = (...present: string[]) => ({
  leaderId: present.includes('leaderId'),
  committeeId: present.includes('committeeId'),
  memberId: present.includes('memberId'),
  constituentId: present.includes('constituentId'),
});

describe('pairing links per kind', () => {
  it('accepts exactly the two links of each kind', () => {
    expect(pairingLinkProblem(ContactPairingKind.LEADER_STANDING, links('leaderId', 'memberId'))).toBeNull();
    expect(pairingLinkProblem(ContactPairingKind.COMMITTEE_MEMBER, links('committeeId', 'memberId'))).toBeNull();
    expect(pairingLinkProblem(ContactPairingKind.MEMBER_CONSTITUENT, links('memberId', 'constituentId'))).toBeNull();
  });

  it('names the first missing link, then the first link that does not belong', () => {
    expect(pairingLinkProblem(ContactPairingKind.LEADER_STANDING, links('memberId'))).toEqual({
      field: 'leaderId',
      message: '领导联系常委须指定领导',
    });
    expect(pairingLinkProblem(ContactPairingKind.MEMBER_CONSTITUENT, links())?.field).toBe('memberId');
    expect(pairingLinkProblem(ContactPairingKind.COMMITTEE_MEMBER, links('committeeId', 'memberId', 'leaderId'))).toEqual({
      field: 'leaderId',
      message: '专委会联系委员不应指定领导',
    });
  });

  it('builds the database check from the same table', () => {
    expect(pairingCheckExpression()).toBe(
      "(kind = 'LEADER_STANDING' and leader_id is not null and committee_id is null and member_id is not null and constituent_id is null)" +
        " or (kind = 'COMMITTEE_MEMBER' and leader_id is null and committee_id is not null and member_id is not null and constituent_id is null)" +
        " or (kind = 'MEMBER_CONSTITUENT' and leader_id is null and committee_id is null and member_id is not null and constituent_id is not null)",
    );
  });
});
