import type { Language } from "#app/i18n/languages.ts";

/**
 * The one place the app injects HTML. The HTML was rendered from Markdown at import time with
 * rehype-sanitize as the last step (app/utils/markdown.server.ts), never from raw user input.
 */
export function HtmlContent({ html, lang, className = "prose" }: { html: string; lang: Language; className?: string }) {
  return <div className={className} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
