/** Text split into plain and matched parts: rendered as React text and <mark>, never as raw HTML. */
export type Segment = { text: string; hit?: true };

export const PRE = "\u0001";
export const POST = "\u0002";

/** Turns Meilisearch output marked with sentinel characters into segments. */
export function segmentsFromMarked(marked: string): Segment[] {
  const out: Segment[] = [];
  let rest = marked;
  while (rest.length) {
    const start = rest.indexOf(PRE);
    if (start === -1) {
      out.push({ text: rest });
      break;
    }
    if (start > 0) out.push({ text: rest.slice(0, start) });
    const end = rest.indexOf(POST, start + 1);
    const hit = rest.slice(start + 1, end === -1 ? undefined : end);
    if (hit) out.push({ text: hit, hit: true });
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  return out.map((s) => ({ ...s, text: s.text.split(PRE).join("").split(POST).join("") })).filter((s) => s.text.length);
}

/** Marks occurrences of words (prefix matches) in plain text, for the fallback search. */
export function segmentsFromWords(text: string, words: string[]): Segment[] {
  const usable = words.filter((w) => w.length > 0).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  if (!usable.length) return text ? [{ text }] : [];
  const re = new RegExp(`(${usable.join("|")})[\\p{L}\\p{N}]*`, "giu");
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > last) out.push({ text: text.slice(last, m.index) });
    out.push({ text: m[0], hit: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export function hasHit(marked: string | undefined): boolean {
  return Boolean(marked && marked.includes(PRE));
}
