import { createCrudResolver } from '../../common/crud.js';
import { datetime, enumOf, ref, text } from '../../common/fields.js';
import { Account } from '../account/account.entity.js';
import { AuditEvent, AuditResult } from './audit-event.entity.js';
// registers the job that seals the log into its chain every minute (issue 12)
import './audit-event.chain.js';

/** Read only: `AuditEvent`, `allAuditEvents`, `_allAuditEventsMeta` (newest first). */
export const auditEventResource = createCrudResolver<AuditEvent>({
  entity: AuditEvent,
  name: 'AuditEvent',
  plural: 'AuditEvents',
  label: '审计日志',
  capability: 'readonly',
  fields: {},
  readFields: {
    occurredAt: datetime('发生时间'),
    accountId: ref(() => Account, '操作账号', { prop: 'accountId' }),
    username: text('用户名', { filter: true }),
    action: text('动作', { filter: true }),
    resource: text('资源类型', { filter: true }),
    recordId: text('记录编号', { filter: true }),
    operation: text('操作', { filter: true }),
    result: enumOf(AuditResult, '结果'),
    reason: text('原因', { filter: true }),
    ip: text('来源 IP', { filter: true }),
  },
  defaultSort: { field: 'occurredAt', order: 'DESC' },
});
