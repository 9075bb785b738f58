// Entry of the Markdown render worker (markdown-pool.server.ts). Worker threads start without the
// parent's TypeScript loader when the parent runs under Vite or Vitest, so tsx is registered here
// and the one renderer, app/utils/markdown.server.ts, is loaded as it is everywhere else.
import { register } from "tsx/esm/api";

register();
const { renderMarkdownCapped } = await import("./markdown.server.ts");

export default renderMarkdownCapped;
