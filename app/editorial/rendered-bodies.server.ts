import type { Language } from "#app/i18n/languages.ts";
import { renderMarkdownSafely, type RenderFailure } from "#app/utils/markdown-pool.server.ts";
import type { MarkdownRule } from "#app/utils/markdown-limits.ts";
import { renderMarkdown } from "#app/utils/markdown.server.ts";
import type { Snapshot } from "#app/content-types/snapshot-types.ts";

/**
 * The HTML of every Markdown body of a snapshot, keyed by the Markdown text. Writes take it ready
 * made: rendering runs in the worker pool before the write transaction, because a transaction is
 * synchronous and must not hold the event loop for as long as a hostile body takes to parse.
 */
export type RenderedBodies = ReadonlyMap<string, string>;

export type BodiesResult = { ok: true; html: RenderedBodies } | { ok: false; lang: Language; reason: RenderFailure; rule?: MarkdownRule };

const bodiesOf = (snapshot: Snapshot | null) =>
  Object.entries(snapshot?.translations ?? {}).map(([lang, t]) => ({ lang: lang as Language, bodyMd: (t as { bodyMd: string }).bodyMd }));

/** Renders the bodies of a snapshot off the main thread; the first body that fails is reported. */
export async function renderBodies(snapshot: Snapshot | null): Promise<BodiesResult> {
  const html = new Map<string, string>();
  for (const { lang, bodyMd } of bodiesOf(snapshot)) {
    if (html.has(bodyMd)) continue;
    const result = await renderMarkdownSafely(bodyMd);
    if (!result.ok) return { ok: false, lang, reason: result.reason, rule: result.rule };
    html.set(bodyMd, result.html);
  }
  return { ok: true, html };
}

/**
 * Renders in this thread: only for text that did not come from a person through the web (test
 * fixtures and benchmarks build their items with it).
 */
export function renderBodiesInProcess(snapshot: Snapshot | null): RenderedBodies {
  return new Map(bodiesOf(snapshot).map(({ bodyMd }) => [bodyMd, renderMarkdown(bodyMd)]));
}

/** The prepared HTML of a body; a body changed since it was rendered is a conflict, never rendered here. */
export function bodyHtml(html: RenderedBodies, bodyMd: string): string {
  const rendered = html.get(bodyMd);
  if (rendered === undefined) throw new Response("Conflict: the text changed while it was being prepared; please try again", { status: 409 });
  return rendered;
}

/** The form error code for a body that could not be rendered (translated by the form's error text). */
export const renderErrorCode = (failure: { reason: RenderFailure; rule?: MarkdownRule }) =>
  failure.reason === "complex" ? `markdown_complex:${failure.rule}` : `markdown_render:${failure.reason}`;

/** HTML to show a body: the stored HTML when it is of this very text, otherwise rendered in the pool. */
export async function htmlForDisplay(
  bodyMd: string,
  stored: { bodyMd: string; bodyHtml: string } | null,
): Promise<{ html: string | null; error: string | null }> {
  if (stored && stored.bodyMd === bodyMd) return { html: stored.bodyHtml, error: null };
  const rendered = await renderMarkdownSafely(bodyMd);
  return rendered.ok ? { html: rendered.html, error: null } : { html: null, error: renderErrorCode(rendered) };
}
