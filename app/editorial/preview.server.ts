import type { Language } from "#app/i18n/languages.ts";
import { practiceView, type PracticeView } from "#app/models/practices.server.ts";
import type { RenderedBodies } from "./rendered-bodies.server.ts";
import type { PracticeSnapshot } from "#app/content-types/snapshot-types.ts";

/**
 * A practice as its public page would show it, built from a snapshot that is not (or not yet) what
 * the public sees: the editor's preview. The same builder as the public page, so the same component
 * shows it. The text being edited is the original; labels (themes, roles…) are in the reader's language.
 */
export function practicePreview(snap: PracticeSnapshot, lang: Language, html: RenderedBodies): PracticeView | null {
  return practiceView(snap, { lang, show: snap.originalLanguage, htmlOf: (_l, bodyMd) => html.get(bodyMd) ?? "", id: 0, updatedAt: new Date() });
}
