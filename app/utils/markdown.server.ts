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

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
