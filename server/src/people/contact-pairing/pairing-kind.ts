import { registerEnumType } from 'type-graphql';

export enum ContactPairingKind {
  LEADER_STANDING = 'LEADER_STANDING',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
  MEMBER_CONSTITUENT = 'MEMBER_CONSTITUENT',
}
registerEnumType(ContactPairingKind, {
  name: 'ContactPairingKind',
  description: '联系类别（联系层级）',
  valuesConfig: {
    LEADER_STANDING: { description: '领导联系常委（CT1）' },
    COMMITTEE_MEMBER: { description: '专委会联系界别委员（CT2）' },
    MEMBER_CONSTITUENT: { description: '委员/代表联系群众（CT3）' },
  },
});

export type PairingLink = 'leaderId' | 'committeeId' | 'memberId' | 'constituentId';
export const PAIRING_LINKS: readonly PairingLink[] = ['leaderId', 'committeeId', 'memberId', 'constituentId'];

/** Which two links each kind of pairing (and of contact visit) carries; the others stay empty. */
export const LINKS_BY_KIND: Record<ContactPairingKind, readonly [PairingLink, PairingLink]> = {
  LEADER_STANDING: ['leaderId', 'memberId'],
  COMMITTEE_MEMBER: ['committeeId', 'memberId'],
  MEMBER_CONSTITUENT: ['memberId', 'constituentId'],
};

export const KIND_LABEL: Record<ContactPairingKind, string> = {
  LEADER_STANDING: '领导联系常委',
  COMMITTEE_MEMBER: '专委会联系委员',
  MEMBER_CONSTITUENT: '委员联系群众',
};

const LINK_LABEL: Record<PairingLink, string> = {
  leaderId: '领导',
  committeeId: '专委会',
  memberId: '委员/代表',
  constituentId: '群众',
};

/** The first link that is missing or not allowed for the kind, with a message; null when the shape fits. */
export function pairingLinkProblem(
  kind: ContactPairingKind,
  present: Record<PairingLink, boolean>,
): { field: PairingLink; message: string } | null {
  const needed = LINKS_BY_KIND[kind];
  for (const link of needed) {
    if (!present[link]) return { field: link, message: `${KIND_LABEL[kind]}须指定${LINK_LABEL[link]}` };
  }
  for (const link of PAIRING_LINKS) {
    if (!needed.includes(link) && present[link]) return { field: link, message: `${KIND_LABEL[kind]}不应指定${LINK_LABEL[link]}` };
  }
  return null;
}

const column = (link: PairingLink) => link.replace(/Id$/, '_id');

/** The database check behind pairingLinkProblem: per kind, its two links set and the others null. */
export function pairingCheckExpression(): string {
  return (Object.keys(LINKS_BY_KIND) as ContactPairingKind[])
    .map((kind) => {
      const needed = LINKS_BY_KIND[kind];
      const parts = PAIRING_LINKS.map((l) => `${column(l)} is ${needed.includes(l) ? 'not null' : 'null'}`);
      return `(kind = '${kind}' and ${parts.join(' and ')})`;
    })
    .join(' or ');
}
