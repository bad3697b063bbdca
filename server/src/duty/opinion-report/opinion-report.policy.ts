import type { WriteContext } from '../../common/crud.js';
import { badInput } from '../../common/errors.js';
import { OpinionReport } from './opinion-report.entity.js';

/** MB6: in a member's or a group's name; an adopting unit is named only for an adopted report. */
export function validateOpinionReport({ entity }: WriteContext<OpinionReport>): void {
  if (!entity.member && !entity.liaisonGroup) {
    throw badInput('memberId', '须指定报送委员，或以委员活动小组（liaisonGroupId）名义报送');
  }
  if (entity.adoptedBy && !entity.isAdopted) throw badInput('adoptedBy', '未被采用的信息不能填写采用单位');
}
