/**
 * MB7: the yearly mailbox register as an Excel workbook (the statistics report each group's liaison
 * officer sends to the city office in early January): `GET /export/mailbox-register.xlsx?bodyId=&year=`.
 * The same figures and reach as the `mailboxRegisterStatistics` query; a session is required.
 */
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Role } from '../../platform/account/role.js';
import { OPERATIONS } from '../../access/access.operations.js';
import { auditDenied, scopeOf } from '../../access/access.scope.js';
import type { Context } from '../../common/context.js';
import { AppError } from '../../common/errors.js';
import { AuditAction, AuditResult } from '../../platform/audit-event/audit-event.entity.js';
import { auditRequest } from '../../platform/audit-event/audit-event.service.js';
import { authenticate, sessionProblem } from '../../platform/session/session.service.js';
import { mailboxRegisterStatistics, type MailboxRegisterValue } from './mailbox.register.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The column headers of the register, in order (MB7). */
export const MAILBOX_REGISTER_HEADERS = ['序号', '委员活动小组（联络组）', '信箱数', '开启次数', '收到信件', '登记来信', '已办理', '已报送', '已反馈', '按时反馈'] as const;

export function mailboxRegisterTitle(s: Pick<MailboxRegisterValue, 'bodyName' | 'year'>): string {
  return `${s.bodyName}${s.year}年度委员信箱工作统计`;
}

/** The workbook: a title row, the header row, one row per group, the total row. */
export async function mailboxRegisterWorkbook(stats: MailboxRegisterValue): Promise<Buffer> {
  // loaded on the first export, not at start-up (some 400 files: issue 11 item 6)
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '联络 Lianluo';
  wb.created = new Date();
  const ws = wb.addWorksheet('信箱台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [{ width: 6 }, { width: 30 }, ...MAILBOX_REGISTER_HEADERS.slice(2).map(() => ({ width: 10 }))];
  ws.mergeCells(1, 1, 1, MAILBOX_REGISTER_HEADERS.length);
  const title = ws.getCell(1, 1);
  title.value = mailboxRegisterTitle(stats);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = ws.addRow([...MAILBOX_REGISTER_HEADERS]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center', wrapText: true };
  const numbers = (r: MailboxRegisterValue['total']) => [r.mailboxCount, r.openingCount, r.lettersFound, r.registered, r.handled, r.reported, r.fedBack, r.fedBackOnTime];
  stats.rows.forEach((r, i) => ws.addRow([i + 1, r.liaisonGroupName, ...numbers(r)]));
  const total = ws.addRow([null, stats.total.liaisonGroupName, ...numbers(stats.total)]);
  total.font = { bold: true };
  const thin = { style: 'thin' as const };
  for (let row = 2; row <= ws.rowCount; row++) {
    for (let col = 1; col <= MAILBOX_REGISTER_HEADERS.length; col++) ws.getCell(row, col).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

/** The route handler: 401 without a session, 403 for a role not allowed the register, 404 for a body out of reach. */
export function mailboxRegisterExport(orm: MikroORM): RequestHandler {
  const roles = OPERATIONS.mailboxRegisterStatistics as readonly Role[];
  return async (req: Request, res: Response, next: NextFunction) => {
    const em = orm.em.fork({ useContext: false }) as EntityManager;
    try {
      const session = await authenticate(em, req);
      if (!session) {
        const problem = sessionProblem(req);
        refuse(res, 401, 'UNAUTHENTICATED', problem === 'SESSION_EXPIRED' ? '会话已超时，请重新登录' : '请先登录', problem ? { reason: problem } : {});
        return;
      }
      const ctx: Context = { em, actor: session, req, res };
      if (session.pending.length) {
        refuse(res, 403, 'FORBIDDEN', '请先完成登录步骤（修改初始密码或绑定动态口令）', { reason: 'PENDING_STEPS' });
        return;
      }
      if (!session.roles.some((r) => roles.includes(r))) {
        await auditDenied(ctx, 'GET /export/mailbox-register.xlsx', 'ROLE_REQUIRED', { required: [...roles] });
        refuse(res, 403, 'FORBIDDEN', '此操作需要办公室工作人员、领导或联络站/联络组工作人员角色', { reason: 'ROLE_REQUIRED', roles: [...roles] });
        return;
      }
      ctx.actor = await scopeOf(em, session);
      const year = Number(req.query.year);
      const bodyId = req.query.bodyId;
      if (typeof bodyId !== 'string' || !bodyId) throw new AppError('BAD_USER_INPUT', 'bodyId：请指定政协/人大', { field: 'bodyId' });
      if (typeof req.query.year !== 'string' || !Number.isInteger(year)) throw new AppError('BAD_USER_INPUT', 'year：请指定年度', { field: 'year' });
      const stats = await mailboxRegisterStatistics(ctx, bodyId, year);
      const file = await mailboxRegisterWorkbook(stats);
      // every export is audited, as the lists' (export.route.ts)
      await auditRequest(ctx, { action: AuditAction.EXPORT, result: AuditResult.SUCCEEDED, operation: 'GET /export/mailbox-register.xlsx', resource: 'Mailbox', detail: { bodyId, year, rows: stats.rows.length } });
      res.setHeader('Content-Type', XLSX_TYPE);
      res.setHeader(
        'Content-Disposition',
        `attachment; filename="mailbox-register-${year}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${mailboxRegisterTitle(stats)}.xlsx`)}`,
      );
      res.setHeader('Cache-Control', 'no-store');
      res.send(file);
    } catch (e) {
      if (e instanceof AppError) {
        const code = String(e.extensions.code);
        refuse(res, STATUS[code] ?? 400, code, e.message, Object.fromEntries(Object.entries(e.extensions).filter(([k]) => k !== 'code')));
        return;
      }
      next(e);
    }
  };
}
