/**
 * Markdown shapes that are cheap to type and very expensive to parse. micromark's emphasis
 * resolution and mdast's list handling grow much faster than the input: 16,000 lines of "- - x"
 * (96 KB) take about 47 s, "*a" × 50,000 about 25 s. Real case studies never come close, so forms
 * refuse such text instead of keeping the server busy. Worst accepted cases are measured in
 * app/utils/markdown-limits.test.ts.
 */
export const MAX_EMPHASIS_DELIMITERS = 6_000;
export const MAX_LIST_ITEMS = 2_000;
export const MAX_CONTAINER_DEPTH = 8;

const LEADING_CONTAINERS = /^(?:[ \t]*(?:[-*+>]|\d{1,9}[.)])(?:[ \t]+|$))+/;
const MARKER = /[-*+>]|\d{1,9}[.)]/g;

export function markdownTooComplex(markdown: string): boolean {
  let delimiters = 0;
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown.charCodeAt(i);
    if ((c === 42 || c === 95) && ++delimiters > MAX_EMPHASIS_DELIMITERS) return true; // * _
  }
  let listItems = 0;
  // CommonMark ends lines at \r\n, \n and a lone \r alike.
  for (const line of markdown.split(/\r\n?|\n/)) {
    const lead = LEADING_CONTAINERS.exec(line)?.[0];
    if (!lead) continue;
    const markers = lead.match(MARKER) ?? [];
    if (markers.length > MAX_CONTAINER_DEPTH) return true;
    listItems += markers.filter((m) => m !== ">").length;
    if (listItems > MAX_LIST_ITEMS) return true;
  }
  return false;
}
