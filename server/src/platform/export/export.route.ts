/**
 * A list as an Excel workbook, built and streamed by the server (issue 11):
 * `GET /export/<Resource>.xlsx?filter=<JSON>&sort=<field>&order=ASC|DESC`, with the same session as
 * /graphql. Each batch is the resource's own `allXs` query run on the schema — the same gate (who may
 * list it), scope (PR3), filters (custom ones included), PR2's guard and field withholding, PV5's
 * exclusions and masked values (PR1) — in one repeatable-read snapshot, so 100,000 rows stream in
 * pages of MAX_PER_PAGE without being held in memory. Every export is audited with its resource, row
 * count and the filter keys used (never values).
 */
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { execute, getNamedType, parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { scopeOf } from '../../access/access.scope.js';
import type { Context } from '../../common/context.js';
import { MAX_PER_PAGE, resourceRegistry, type ResourceDef } from '../../common/crud.js';
import { AuditAction, AuditResult } from '../audit-event/audit-event.entity.js';
import { auditRequest } from '../audit-event/audit-event.service.js';
import { authenticate, sessionProblem } from '../session/session.service.js';
import { exportColumns, type ExportColumn } from './export.columns.js';
import { represent, representationFields } from './record-name.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows per query: the API's own page cap, so a batch is exactly a page the list could ask for. */
export const EXPORT_BATCH = MAX_PER_PAGE;

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

function refuse(res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errors: [{ message, extensions: { code, ...extra } }] });
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function listDocument(def: ResourceDef, columns: ExportColumn[]) {
  return parse(`
    query Export($page: Int, $perPage: Int, $sortField: String, $sortOrder: String, $filter: ${def.name}Filter) {
      rows: all${def.plural}(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) {
        ${columns.map((c) => c.field).join(' ')}
      }
    }
  `);
}

/** `allXs(filter: { ids })` with the fields that name an X: how a link column's ids become names. */
function namesDocument(def: ResourceDef, fields: string[]) {
  return parse(`
    query Names($perPage: Int, $filter: ${def.name}Filter) {
      rows: all${def.plural}(perPage: $perPage, filter: $filter) { id ${fields.filter((f) => f !== 'id').join(' ')} }
    }
  `);
}

function parseQuery(req: Request): { filter: Record<string, unknown> | undefined; sortField?: string; sortOrder?: string } {
  const { filter, sort, order } = req.query;
  let parsed: unknown;
  if (filter !== undefined) {
    if (typeof filter !== 'string') throw new Refusal(400, 'BAD_USER_INPUT', 'filter：须为 JSON 对象', { field: 'filter' });
    try {
      parsed = filter ? JSON.parse(filter) : undefined;
    } catch {
      throw new Refusal(400, 'BAD_USER_INPUT', 'filter：须为 JSON 对象', { field: 'filter' });
    }
    if (parsed != null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new Refusal(400, 'BAD_USER_INPUT', 'filter：须为 JSON 对象', { field: 'filter' });
    }
  }
  if (sort !== undefined && typeof sort !== 'string') throw new Refusal(400, 'BAD_USER_INPUT', 'sort：须为字段名', { field: 'sort' });
  if (order !== undefined && typeof order !== 'string') throw new Refusal(400, 'BAD_USER_INPUT', 'order：须为 ASC 或 DESC', { field: 'order' });
  return { filter: (parsed ?? undefined) as Record<string, unknown> | undefined, sortField: sort || undefined, sortOrder: order || undefined };
}

/** The route handler of `/export/:resource.xlsx`. */
/** Excel refuses * ? : \\ / [ ] in a sheet's name and more than 31 characters: 委员/代表 → 委员、代表. */
export const sheetName = (label: string) => label.replace(/[*?:\\/[\]]/g, '、').slice(0, 31);

export function listExport(orm: MikroORM, schema: GraphQLSchema): RequestHandler {
  const resourceNames = new Set(resourceRegistry.map((d) => d.name));
  const prepared = new Map<string, { def: ResourceDef; columns: ExportColumn[]; document: ReturnType<typeof parse> }>();
  const prepare = (name: string) => {
    if (!prepared.has(name)) {
      const def = resourceRegistry.find((d) => d.name === name);
      const columns = def && exportColumns(schema, def.name, resourceNames);
      if (!def || !columns) return undefined;
      prepared.set(name, { def, columns, document: listDocument(def, columns) });
    }
    return prepared.get(name);
  };

  const namers = new Map<string, { document: ReturnType<typeof parse>; representation: string[] } | null>();
  const namer = (name: string) => {
    if (!namers.has(name)) {
      const def = resourceRegistry.find((d) => d.name === name);
      const columns = def && exportColumns(schema, def.name);
      if (!def || !columns) {
        namers.set(name, null);
      } else {
        const fields = (schema.getType(def.name) as GraphQLObjectType).getFields();
        const strings = columns.filter((c) => getNamedType(fields[c.field].type).name === 'String').map((c) => c.field);
        const representation = representationFields(columns.map((c) => c.field), strings);
        namers.set(name, { document: namesDocument(def, columns.map((c) => c.field)), representation });
      }
    }
    return namers.get(name);
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    const em = orm.em.fork({ useContext: false }) as EntityManager;
    const operation = `GET /export/${String(req.params.resource)}.xlsx`;
    let ctx: Context | undefined;
    let rows = 0;
    let streaming = false;
    try {
      const session = await authenticate(em, req);
      if (!session) {
        const problem = sessionProblem(req);
        throw new Refusal(401, 'UNAUTHENTICATED', problem === 'SESSION_EXPIRED' ? '会话已超时，请重新登录' : '请先登录', problem ? { reason: problem } : {});
      }
      const resource = prepare(String(req.params.resource));
      if (!resource) throw new Refusal(404, 'NOT_FOUND', `没有名为 “${String(req.params.resource)}” 的列表可导出`, { reason: 'UNKNOWN_RESOURCE' });
      const { def, columns, document } = resource;
      const actor = await scopeOf(em, session);
      const { filter, sortField, sortOrder } = parseQuery(req);

      await em.transactional(
        async (tx) => {
          ctx = { em: tx as EntityManager, actor, req, res };
          const batch = async (page: number): Promise<Record<string, unknown>[]> => {
            const result = await execute({
              schema,
              document,
              contextValue: ctx,
              variableValues: { page, perPage: EXPORT_BATCH, sortField, sortOrder, filter },
            });
            // the records of a batch are written out and forgotten before the next one is read
            tx.clear();
            if (result.errors?.length) {
              const err = result.errors[0];
              const code = String(err.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
              const { code: _c, ...extra } = (err.extensions ?? {}) as Record<string, unknown>;
              if (!STATUS[code]) throw err.originalError ?? err;
              throw new Refusal(STATUS[code], code, err.message, extra);
            }
            return (result.data?.rows ?? []) as Record<string, unknown>[];
          };

          // link columns: the records they name, read as the list would (the same gate and scope), once
          // per record for the whole export; a record the role may not read keeps its id
          const names = new Map<string, Map<string, string>>();
          const links = columns.filter((c) => c.reference);
          const nameLinks = async (data: Record<string, unknown>[]) => {
            for (const c of links) {
              const known = names.get(c.reference!) ?? new Map<string, string>();
              names.set(c.reference!, known);
              const ids = [...new Set(data.flatMap((r) => (Array.isArray(r[c.field]) ? (r[c.field] as unknown[]) : [r[c.field]])).filter((v) => v != null).map(String))].filter((id) => !known.has(id));
              const target = namer(c.reference!);
              if (!ids.length || !target) continue;
              for (let i = 0; i < ids.length; i += EXPORT_BATCH) {
                const chunk = ids.slice(i, i + EXPORT_BATCH);
                const result = await execute({ schema, document: target.document, contextValue: ctx, variableValues: { perPage: EXPORT_BATCH, filter: { ids: chunk } } });
                for (const r of (result.data?.rows ?? []) as Record<string, unknown>[]) known.set(String(r.id), represent({ name: c.reference!, representation: target.representation }, r));
                for (const id of chunk) if (!known.has(id)) known.set(id, id);
              }
              tx.clear();
            }
          };
          const cell = (c: ExportColumn, v: unknown) => {
            if (!c.reference || v == null) return c.render(v);
            const known = names.get(c.reference)!;
            return Array.isArray(v) ? v.map((x) => known.get(String(x)) ?? String(x)).join('、') || null : (known.get(String(v)) ?? String(v));
          };

          // the first page before any byte is sent: a refusal is still a JSON error with its status
          let page = 0;
          let data = await batch(page);
          await nameLinks(data);
          res.status(200);
          res.setHeader('Content-Type', XLSX_TYPE);
          res.setHeader('Content-Disposition', `attachment; filename="${def.name}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${def.label}.xlsx`)}`);
          res.setHeader('Cache-Control', 'no-store');
          streaming = true;
          const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: res, useStyles: true, useSharedStrings: false });
          wb.creator = '联络 Lianluo';
          wb.created = new Date();
          const ws = wb.addWorksheet(sheetName(def.label), { views: [{ state: 'frozen', ySplit: 1 }] });
          ws.columns = columns.map((c) => ({ header: c.header, key: c.field, width: Math.min(40, Math.max(10, c.header.length * 2 + 2)) }));
          ws.getRow(1).font = { bold: true };
          ws.getRow(1).commit();
          for (;;) {
            for (const r of data) {
              ws.addRow(columns.map((c) => cell(c, r[c.field]))).commit();
              rows++;
            }
            if (data.length < EXPORT_BATCH) break;
            // a slow reader holds the next query back instead of the rows piling up in memory
            if (res.writableNeedDrain) await once(res, 'drain');
            data = await batch(++page);
            await nameLinks(data);
          }
          ws.commit();
          await auditRequest(ctx, {
            action: AuditAction.EXPORT,
            result: AuditResult.SUCCEEDED,
            operation,
            resource: def.name,
            detail: { rows, filters: Object.keys(filter ?? {}), sortField: sortField ?? null },
          });
          await wb.commit();
        },
        { isolationLevel: IsolationLevel.REPEATABLE_READ },
      );
    } catch (e) {
      if (!streaming) {
        if (e instanceof Refusal) return refuse(res, e.status, e.code, e.message, e.extra);
        return next(e);
      }
      // the headers are gone: record the failure and cut the download so it cannot pass for complete
      if (ctx) await auditRequest(ctx, { action: AuditAction.EXPORT, result: AuditResult.FAILED, operation, resource: String(req.params.resource), detail: { rows } }).catch(() => {});
      res.destroy(e instanceof Error ? e : undefined);
    }
  };
}
