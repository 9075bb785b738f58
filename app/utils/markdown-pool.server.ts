import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { markdownComplexity, type MarkdownRule } from "./markdown-limits.ts";
import type { CappedRender } from "./markdown.server.ts";

/**
 * Markdown from people (previews, saves, publication) is rendered in a worker thread, never on the
 * event loop that answers every other request: micromark has shapes that take seconds, and a shape
 * check can only know the ones found so far. The worker has a hard time limit (a task that runs over
 * is aborted and its thread replaced), an output-size cap and a memory cap, and the queue is short,
 * so one author cannot make others wait long either. The content import (trusted files, offline)
 * still renders in-process with renderMarkdown.
 */
export const RENDER_LIMITS = {
  /** From queueing to result. The slowest honest text measured, a 100 KB table, takes about 2.3 s on an idle
   * core and 3 s on a busy one; hostile shapes are cut off here instead of running for minutes. */
  timeoutMs: 10_000,
  /** HTML characters: 100 KB of honest Markdown renders to at most about 0.6 MB. */
  maxHtmlChars: 1_500_000,
  /** Tasks waiting for a thread; beyond it the render is refused as busy. */
  maxQueue: 16,
} as const;

export type RenderFailure = "complex" | "slow" | "large" | "busy";
export type RenderResult = { ok: true; html: string } | { ok: false; reason: RenderFailure; rule?: MarkdownRule };

// app/utils/ (sources, under Vite and Vitest) and build/server/ (the production bundle) are both two
// levels below the project root, so this finds the worker entry from either.
const WORKER_FILE = new URL("../../app/utils/markdown-worker.mjs", import.meta.url).href;

let pool: Piscina | null = null;
function getPool(): Piscina {
  // Started on first use, so command-line scripts that never render do not start a thread. One
  // thread beside the main one on this 2-core machine; more where there are more cores.
  pool ??= new Piscina({
    filename: WORKER_FILE,
    minThreads: 1,
    maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
    maxQueue: RENDER_LIMITS.maxQueue,
    idleTimeout: 60_000,
    resourceLimits: { maxOldGenerationSizeMb: 256 },
  });
  return pool;
}

/** Renders Markdown off the main thread within the limits; never throws for bad input. */
export async function renderMarkdownSafely(markdown: string): Promise<RenderResult> {
  const rule = markdownComplexity(markdown);
  if (rule) return { ok: false, reason: "complex", rule };
  if (markdown.trim() === "") return { ok: true, html: "" };
  try {
    const result = (await getPool().run(
      { markdown, maxChars: RENDER_LIMITS.maxHtmlChars },
      { signal: AbortSignal.timeout(RENDER_LIMITS.timeoutMs) },
    )) as CappedRender;
    return result.ok ? result : { ok: false, reason: "large" };
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    const message = error instanceof Error ? error.message : String(error);
    if (name === "AbortError" || /abort/i.test(message)) return { ok: false, reason: "slow" };
    // piscina refuses a task when maxQueue tasks already wait.
    if (/queue is at limit/i.test(message)) return { ok: false, reason: "busy" };
    // Out of memory or a crash of the worker: the input is what made it fail.
    console.warn(`markdown worker: ${message} (${markdown.length} chars)`);
    return { ok: false, reason: "large" };
  }
}

/** Stops the worker threads (tests and shutdown). */
export async function stopMarkdownPool(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
