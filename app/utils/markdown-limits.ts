/**
 * Markdown shapes that are cheap to type and very expensive to parse. micromark's emphasis and
 * strikethrough resolution, setext headings, bracket matching, footnotes and mdast's list handling
 * grow much faster than the input: 16,000 lines of "- - x" (96 KB) take about 47 s, "*a" × 50,000
 * about 25 s, "a\n=\n" × 20,000 (78 KB) about 77 s, "~a" × 49,000 about 31 s. Real case studies never
 * come close, so forms refuse such text before it is rendered. Rendering itself runs off the main
 * thread with a time and size limit (markdown-pool.server.ts); these checks keep honest text well
 * inside that limit. Worst accepted cases are measured in app/utils/markdown-limits.test.ts.
 */
export const MARKDOWN_LIMITS = {
  /** `*`, `_` and `~` together: emphasis and strikethrough delimiters. */
  delimiters: 6_000,
  /** List items (each marker of a nested "- - x" line counts). */
  listItems: 2_000,
  /** Block containers (list markers and `>`) opening on one line. */
  nesting: 8,
  /** Block quote markers `>` at the start of lines, nested ones included. */
  quotes: 1_000,
  /** Lines of only `=` or `-` (setext heading underlines, thematic breaks). */
  underlines: 200,
  /** Opening or closing brackets, `[` or `]`, counted apart (links, images, references). */
  brackets: 2_000,
  /** Backticks (code spans). */
  backticks: 2_000,
  /** Footnote references and definitions `[^`. */
  footnotes: 300,
} as const;

export type MarkdownRule = keyof typeof MARKDOWN_LIMITS;

// A list marker needs a space (or the end of the line) after it; a block quote marker does not.
const LEADING_CONTAINERS = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)))+/;
const MARKER = /[-*+>]|\d{1,9}[.)]/g;
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;

/** The first limit the text breaks, or null when it is within all of them. */
export function markdownComplexity(markdown: string): MarkdownRule | null {
  let delimiters = 0;
  let opening = 0;
  let closing = 0;
  let backticks = 0;
  let footnotes = 0;
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown.charCodeAt(i);
    if ((c === 42 || c === 95 || c === 126) && ++delimiters > MARKDOWN_LIMITS.delimiters) return "delimiters"; // * _ ~
    if (c === 91) {
      if (++opening > MARKDOWN_LIMITS.brackets) return "brackets"; // [
      if (markdown.charCodeAt(i + 1) === 94 && ++footnotes > MARKDOWN_LIMITS.footnotes) return "footnotes"; // [^
    }
    if (c === 93 && ++closing > MARKDOWN_LIMITS.brackets) return "brackets"; // ]
    if (c === 96 && ++backticks > MARKDOWN_LIMITS.backticks) return "backticks"; // `
  }
  let listItems = 0;
  let quotes = 0;
  let underlines = 0;
  // CommonMark ends lines at \r\n, \n and a lone \r alike.
  for (const line of markdown.split(/\r\n?|\n/)) {
    if (UNDERLINE.test(line) && ++underlines > MARKDOWN_LIMITS.underlines) return "underlines";
    const lead = LEADING_CONTAINERS.exec(line)?.[0];
    if (!lead) continue;
    const markers = lead.match(MARKER) ?? [];
    if (markers.length > MARKDOWN_LIMITS.nesting) return "nesting";
    const quoteMarkers = markers.filter((m) => m === ">").length;
    listItems += markers.length - quoteMarkers;
    if (listItems > MARKDOWN_LIMITS.listItems) return "listItems";
    quotes += quoteMarkers;
    if (quotes > MARKDOWN_LIMITS.quotes) return "quotes";
  }
  return null;
}

export const markdownTooComplex = (markdown: string): boolean => markdownComplexity(markdown) !== null;
