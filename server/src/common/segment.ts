/**
 * Chinese full-text search without extensions: words cut by Intl.Segmenter plus every Han character,
 * stored as a tsvector('simple'); queries match each word as a prefix or as all of its characters,
 * so "积水" finds "道路积水问题" however either side was cut.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const HAN = /\p{Script=Han}/u;

/**
 * Bounds of the work one text causes (issue 12, item 5): a search query is cut to its first
 * MAX_QUERY_WORDS words (the input check caps `q` at 100 characters before that), and a stored
 * document to its first MAX_DOCUMENT_CHARS characters (free text is capped at 20,000).
 */
export const MAX_QUERY_WORDS = 16;
export const MAX_DOCUMENT_CHARS = 60_000;

/** The words of a text, lower-cased, punctuation dropped (also used to group similar letters). */
export function words(text: string, max = Infinity): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) {
    if (out.length >= max) break;
    if (!s.isWordLike) continue;
    const w = s.segment.toLowerCase().replace(/['\\:&|!()<>*\s]/g, '');
    if (w) out.push(w);
  }
  return out;
}

/** The text stored into the tsvector column: words and single Han characters, space separated. */
export function searchDocument(...parts: Array<string | null | undefined>): string {
  const text = parts.filter(Boolean).join(' ').slice(0, MAX_DOCUMENT_CHARS);
  const tokens = new Set<string>();
  for (const w of words(text)) {
    tokens.add(w);
    if (w.length > 1) for (const ch of w) if (HAN.test(ch)) tokens.add(ch);
  }
  return [...tokens].join(' ');
}

const quote = (lexeme: string) => `'${lexeme.replace(/'/g, "''")}'`;

/** A to_tsquery('simple', …) expression for a user's query, or null when it has no words. */
export function searchQuery(q: string): string | null {
  // a query of 16 words and each word's characters: the tsquery PostgreSQL evaluates stays small
  const parts = words(q.slice(0, 1_000), MAX_QUERY_WORDS).map((w) => {
    const chars = [...w].filter((ch) => HAN.test(ch));
    const prefix = `${quote(w)}:*`;
    return chars.length > 1 ? `(${prefix} | (${chars.map(quote).join(' & ')}))` : prefix;
  });
  return parts.length ? parts.join(' & ') : null;
}
