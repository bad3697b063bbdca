import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import { Authenticated, useGetMany, useGetOne, usePermissions, useTranslate } from 'react-admin';
import { useEnumLabel } from '../schema-ui/fields';
import { todayInChina } from '../letters/deadlines';
import { buildNotice, isNoticeKind, noticesFor, PRINT_CSS, type PrintDoc, type PrintLetter } from './notices';

const present = (v: unknown): v is string | number => v !== null && v !== undefined && v !== '';
const byId = (rows: any[] | undefined, field = 'name') => Object.fromEntries((rows ?? []).map((r) => [String(r.id), String(r[field] ?? '')]));

/**
 * `/Letter/:id/print/:kind`, outside the layout: one A4 sheet of the letter as the signed-in role
 * reads it (nothing revealed), a 打印 bar the printer leaves off the paper.
 */
export function PrintPage() {
  return (
    <Authenticated>
      <PrintSheet />
    </Authenticated>
  );
}

function PrintSheet() {
  const { id, kind } = useParams();
  const { permissions } = usePermissions<string[]>();
  const label = useEnumLabel();
  const translate = useTranslate();
  const { data: letter, isPending, error } = useGetOne<PrintLetter & { organizationId?: string }>('Letter', { id: id! }, { enabled: present(id) });
  const deptIds = [letter?.leadDepartmentId, ...(letter?.coHandlerDepartmentIds ?? []), ...(letter?.involvedDepartmentIds ?? [])].filter(present);
  const leaderIds = [letter?.decidedByLeaderId, letter?.coordinatorLeaderId].filter(present);
  const { data: departments } = useGetMany('Department', { ids: [...new Set(deptIds)] }, { enabled: deptIds.length > 0 });
  const { data: leaders } = useGetMany('Leader', { ids: [...new Set(leaderIds)] }, { enabled: leaderIds.length > 0 });
  const { data: office } = useGetOne('Organization', { id: letter?.organizationId as string }, { enabled: present(letter?.organizationId) });
  const { data: parent } = useGetOne('Organization', { id: office?.parentId }, { enabled: office?.kind === 'OFFICE' && present(office?.parentId) });

  const roles = Array.isArray(permissions) ? permissions : [];
  const applies = letter && isNoticeKind(kind) && noticesFor(letter, roles).includes(kind);
  const doc: PrintDoc | null = applies
    ? buildNotice(kind, letter, {
        label,
        departments: byId(departments),
        leaders: byId(leaders),
        officeAddress: office?.address,
        officePhone: office?.officePhone,
        higherOffice: parent?.name,
        today: todayInChina(),
      })
    : null;

  useEffect(() => {
    if (!doc) return;
    const before = document.title;
    document.title = `${doc.title} ${doc.serial}`;
    return () => {
      document.title = before;
    };
  }, [doc?.title, doc?.serial]);

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="print-bar">
        <Link to={`/Letter/${encodeURIComponent(String(id))}/show`}>{translate('app.prints.back')}</Link>
        {doc && (
          <button type="button" onClick={() => window.print()}>
            {translate('app.prints.print')}
          </button>
        )}
      </div>
      {isPending ? (
        <div className="print-sheet">{translate('app.prints.loading')}</div>
      ) : error || !letter ? (
        <div className="print-sheet">{translate('app.prints.unreadable')}</div>
      ) : !doc ? (
        <div className="print-sheet">{isNoticeKind(kind) ? translate('app.prints.not_applicable', { kind: translate(`app.prints.kinds.${kind}`) }) : translate('app.prints.no_such_kind')}</div>
      ) : (
        <Sheet doc={doc} />
      )}
    </>
  );
}

function Sheet({ doc }: { doc: PrintDoc }) {
  return (
    <article className="print-sheet" aria-label={doc.title}>
      <p className="print-issuer-head">{doc.issuer}</p>
      <h1 className="print-title">{doc.title}</h1>
      <p className="print-serial">编号：{doc.serial}</p>
      {doc.addressee && <p className="print-addressee">{doc.addressee}</p>}
      {doc.paragraphs?.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      {doc.sections?.map((s) => (
        <section className="print-section" key={s.heading}>
          <h3>{s.heading}</h3>
          <p>{s.text}</p>
        </section>
      ))}
      {doc.rows && <FormTable rows={doc.rows} />}
      <div className="print-sign">
        <div>{doc.issuer}</div>
        <div className="print-seal">（盖章）</div>
        <div>{doc.issuedOn}</div>
      </div>
      {doc.notes && doc.notes.length > 0 && (
        <div className="print-notes">
          {doc.notes.map((n) => (
            <p key={n}>{n}</p>
          ))}
        </div>
      )}
    </article>
  );
}

/** Two label–value pairs a row; a wide field takes the whole row. */
function FormTable({ rows }: { rows: NonNullable<PrintDoc['rows']> }) {
  const lines: Array<typeof rows> = [];
  let pending: typeof rows = [];
  for (const r of rows) {
    if (r.wide) {
      if (pending.length) lines.push(pending);
      pending = [];
      lines.push([r]);
    } else {
      pending.push(r);
      if (pending.length === 2) {
        lines.push(pending);
        pending = [];
      }
    }
  }
  if (pending.length) lines.push(pending);
  return (
    <table className="print-form">
      <tbody>
        {lines.map((line) => (
          <tr key={line.map((c) => c.label).join('|')}>
            {line.map((c) => (
              <Cell key={c.label} label={c.label} value={c.value} span={line.length === 1 ? 3 : 1} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Cell({ label, value, span }: { label: string; value: string; span: number }) {
  const tall = span === 3 && ['反映的问题和诉求', '拟办意见', '领导批示'].includes(label);
  return (
    <>
      <th scope="row">{label}</th>
      <td colSpan={span} className={tall ? 'print-tall' : undefined}>
        {value}
      </td>
    </>
  );
}
