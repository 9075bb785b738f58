import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import type { Element, ElementContent, Root } from "hast";
import { unified } from "unified";
import { visit } from "unist-util-visit";

/** Bump when the pipeline changes, so the content import re-renders every item. */
export const MARKDOWN_RENDERER_VERSION = 2;

/**
 * Images from other sites become links to them (ADR 008): an image on another server would tell its
 * owner, say the author of a draft, when and from where a reviewer or reader opened the page. The
 * Content-Security-Policy allows only images of this site; a link loads nothing until it is followed.
 */
function externalImagesAsLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "img" || index === undefined || !parent) return;
      const src = String(node.properties.src ?? "");
      if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(src)) return;
      const label: ElementContent = { type: "text", value: String(node.properties.alt || src) };
      // An image inside a link (`[![alt](img)](url)`) keeps that link and shows its text.
      const replacement: ElementContent =
        "tagName" in parent && parent.tagName === "a" ? label : { type: "element", tagName: "a", properties: { href: src }, children: [label] };
      parent.children[index] = replacement;
    });
  };
}

// Raw HTML in Markdown is dropped (allowDangerousHtml is off) and rehype-sanitize runs last, so the
// HTML stored in the database is the only HTML the app ever injects, and it is safe by construction.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(externalImagesAsLinks).use(rehypeSanitize).use(rehypeStringify);

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

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
