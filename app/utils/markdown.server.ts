import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/** Bump when the pipeline changes, so the content import re-renders every item. */
export const MARKDOWN_RENDERER_VERSION = 1;

// Raw HTML in Markdown is dropped (allowDangerousHtml is off) and rehype-sanitize runs last, so the
// HTML stored in the database is the only HTML the app ever injects, and it is safe by construction.
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify);

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function renderMarkdown(markdown: string): string {
  try {
    return String(processor.processSync(markdown));
  } catch (error) {
    // Nesting a few thousand levels deep (`>>>>…`, `- - - …`, `****…a****…`: a few KB of input) overflows
    // the call stack in the recursive tree walkers. Show such a document as escaped plain text instead of
    // failing the import or the request. Nothing that rendered before renders differently.
    if (!(error instanceof RangeError)) throw error;
    console.warn(`markdown: ${error.message} (${markdown.length} chars, nested too deeply); rendered as plain text`);
    return `<p>${escapeHtml(markdown)}</p>`;
  }
}

export type CappedRender = { ok: true; html: string } | { ok: false; reason: "large" };

/** The worker's task: render, and refuse HTML longer than `maxChars` (footnote shapes multiply their input). */
export function renderMarkdownCapped({ markdown, maxChars }: { markdown: string; maxChars: number }): CappedRender {
  const html = renderMarkdown(markdown);
  return html.length > maxChars ? { ok: false, reason: "large" } : { ok: true, html };
}
