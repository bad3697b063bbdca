import { Fragment } from 'react';
import { useTranslate } from 'react-admin';

// stands in for a record's words while the sentence is translated (no translation contains it)
const MARK = '\u2063';

/**
 * A translated sentence with records' words in it (a name, a body): each record's words in a span
 * marked data-record-text, so a check for untranslated console words can tell them from the sentence.
 */
export function Translated({ k, args = {}, records }: { k: string; args?: Record<string, unknown>; records: Record<string, string> }) {
  const translate = useTranslate();
  const names = Object.keys(records);
  const marked = Object.fromEntries(names.map((n, i) => [n, `${MARK}${i}${MARK}`]));
  const parts = translate(k, { ...args, ...marked }).split(MARK);
  return (
    <>
      {parts.map((p, i) => (i % 2 === 1 && names[Number(p)] !== undefined ? <span key={i} data-record-text>{records[names[Number(p)]]}</span> : <Fragment key={i}>{p}</Fragment>))}
    </>
  );
}
