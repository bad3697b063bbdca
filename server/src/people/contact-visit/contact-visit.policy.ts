import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { assertLinkShape } from '../contact-pairing/contact-pairing.policy.js';
import { todayInChina } from '../member/dates.js';
import { ContactVisit } from './contact-visit.entity.js';

/** A visit links the same two parties a pairing of its kind would, and is logged after it happened. */
export function validateContactVisit({ entity }: WriteContext<ContactVisit>): void {
  assertLinkShape(entity);
  if (entity.visitedOn > todayInChina()) throw badInput('visitedOn', '联系日期不能晚于今天');
}
