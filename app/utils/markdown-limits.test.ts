import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { MARKDOWN_LIMITS as L, markdownComplexity, type MarkdownRule } from "./markdown-limits.ts";
import { RENDER_LIMITS, renderMarkdownSafely, stopMarkdownPool } from "./markdown-pool.server.ts";

afterAll(() => stopMarkdownPool());

const footnotes = (n: number) =>
  `${Array.from({ length: n }, (_, i) => `[^${i}]`).join(" ")}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: x`).join("\n")}`;

/** The most expensive Markdown the forms still accept, one limit at a time; times are printed, not asserted. */
const worstAccepted: [string, string][] = [
  ["emphasis at the limit (*a × 3,000)", "*a".repeat(L.delimiters / 2)],
  ["underscores at the limit", "_".repeat(L.delimiters / 2) + "a" + "_".repeat(L.delimiters / 2)],
  ["strikethrough at the limit (~a × 6,000)", "~a".repeat(L.delimiters)],
  ["flat list at the limit (2,000 items)", "- item\n".repeat(L.listItems)],
  ['nested "- - x" at the limit', "- - x\n".repeat(L.listItems / 2)],
  ["8 deep per line at the limit", `${"- ".repeat(L.nesting)}x\n`.repeat(L.listItems / L.nesting)],
  ["separate block quotes at the limit", "> x\n\n".repeat(L.quotes)],
  ["setext headings at the limit", "a\n=\n".repeat(L.underlines)],
  ["unmatched brackets at the limit, then prose", "[".repeat(L.brackets) + "]".repeat(L.brackets) + " word".repeat(15_000)],
  ["backticks at the limit", ")a`".repeat(L.backticks)],
  ["footnotes at the limit (references and definitions)", footnotes(L.footnotes / 2)],
  ["100 KB of prose with links", "Human rights city practice with [a link](https://example.org) and **bold** text. ".repeat(1_230)],
];

/** Each shape the outside probe (reviews/security-2026-12.md, F1) or our generator found slow. */
const refused: [string, string, MarkdownRule][] = [
  ["too many emphasis delimiters", "*a".repeat(L.delimiters + 1), "delimiters"],
  ["probe: strikethrough, ~a × 12,500 (1.7 s)", "~a".repeat(12_500), "delimiters"],
  ["too many list items", "- x\n".repeat(L.listItems + 1), "listItems"],
  ["nested too deeply on one line", `${"- ".repeat(L.nesting + 1)}x`, "nesting"],
  ["ordered lists nested too deeply", `${"1. ".repeat(L.nesting + 1)}x`, "nesting"],
  ["the 47-second shape", "- - x\n".repeat(16_000), "listItems"],
  ["the same with bare CR line ends", "- - x\r".repeat(16_000), "listItems"],
  ["the same with CRLF line ends", "- - x\r\n".repeat(16_000), "listItems"],
  ["probe: setext headings, a\\n=\\n × 3,000 (2.3 s live)", "a\n=\n".repeat(3_000), "underlines"],
  ["probe: setext headings, 78 KB (77 s)", "a\n=\n".repeat(19_500), "underlines"],
  ["probe: real-looking Heading\\n==== sections", "Heading\n====\n\nSome text here.\n\n".repeat(2_600), "underlines"],
  ["probe: nested brackets [ × 49k ] × 49k (12 s)", "[".repeat(49_000) + "]".repeat(49_000), "brackets"],
  ["probe: footnotes, 39 KB → 2.9 MB", footnotes(2_000), "footnotes"],
  ["footnotes over the limit", footnotes(L.footnotes / 2 + 1), "footnotes"],
  ["generator: ] alone (37 s at 60 KB)", "]".repeat(60_000), "brackets"],
  ["generator: > without spaces, one line (82 s)", ">".repeat(60_000), "nesting"],
  ["generator: separate block quotes (7 s at 5,000)", "> x\n\n".repeat(5_000), "quotes"],
  ["generator: blank-line quotes with table cells", "\n\n>|;$".repeat(10_000), "quotes"],
  ["generator: backticks among text", ")a`".repeat(30_000), "backticks"],
];

describe("markdown complexity limits", () => {
  it.each(refused)("refuses %s", (_, md, rule) => {
    expect(markdownComplexity(md)).toBe(rule);
  });

  it("accepts real content, and the worst accepted inputs render in the worker, well inside its time limit", async () => {
    const times: string[] = [];
    for (const [name, md] of worstAccepted) {
      expect(markdownComplexity(md), name).toBeNull();
      const start = performance.now();
      const result = await renderMarkdownSafely(md);
      times.push(`${name}: ${(performance.now() - start).toFixed(0)} ms (${md.length} chars)`);
      expect(result.ok, name).toBe(true);
    }
    console.log(`worst accepted Markdown, rendered in the worker (time limit ${RENDER_LIMITS.timeoutMs} ms):\n  ${times.join("\n  ")}`);
  }, 120_000);

  it("a long honest body at the size limit renders in the worker, not cut off", async () => {
    const section =
      "## Context\n\nThe city council adopted the [declaration](https://example.org/a) in 2013 and set up a **coalition** of *local* organisations.\n\n- first step\n- second step\n\n| year | step |\n| --- | --- |\n| 2013 | declaration |\n\n> A quote from the mayor.\n\n";
    const body = section.repeat(Math.floor(100_000 / section.length));
    expect(markdownComplexity(body)).toBeNull();
    const start = performance.now();
    const result = await renderMarkdownSafely(body);
    console.log(`honest body of ${body.length} chars rendered in the worker in ${(performance.now() - start).toFixed(0)} ms`);
    expect(result.ok).toBe(true);
  });
});

/**
 * A generator of more shapes: a short random run of Markdown syntax characters, repeated to 20–60 KB
 * (the shapes that blow up are repetitions). The shape checks are heuristics and the space of slow
 * shapes is open (the first runs of this generator found `]`, `>>>>`, separate quotes and backticks,
 * now limited), so the property is the guarantee that matters: whatever the text, the render answers
 * within the worker's time limit and this thread is never blocked. Accepted shapes that the worker
 * still had to cut off are printed as candidates for new limits.
 */
const ATOMS = [
  "a",
  " ",
  "\n",
  "\n\n",
  "*",
  "_",
  "~",
  "`",
  "[",
  "]",
  "(",
  ")",
  "!",
  "<",
  ">",
  "#",
  "=",
  "-",
  "+",
  "|",
  ":",
  "\\",
  "&",
  ";",
  "^",
  "1.",
  "    ",
  "\t",
  "http://",
  "www.",
  "@",
  ".",
  '"',
  "{",
  "}",
];

describe("generated Markdown shapes", () => {
  it("any repetition of random syntax is answered within the time limit, without blocking the event loop", async () => {
    const candidates: string[] = [];
    let worstLag = 0;
    let worstMs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...ATOMS), { minLength: 1, maxLength: 6 }), fc.integer({ min: 20_000, max: 60_000 }), async (atoms, size) => {
        const unit = atoms.join("");
        const md = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
        let last = performance.now();
        let lag = 0;
        const tick = setInterval(() => {
          const now = performance.now();
          lag = Math.max(lag, now - last - 10);
          last = now;
        }, 10);
        const start = performance.now();
        const result = await renderMarkdownSafely(md);
        const ms = performance.now() - start;
        clearInterval(tick);
        worstLag = Math.max(worstLag, lag);
        worstMs = Math.max(worstMs, ms);
        if (!result.ok && result.reason !== "complex") candidates.push(`${JSON.stringify(unit)} × ${size} chars: ${result.reason}`);
        expect(ms, `repeating ${JSON.stringify(unit)}`).toBeLessThan(RENDER_LIMITS.timeoutMs + 2_000);
        expect(lag, `event loop blocked while rendering ${JSON.stringify(unit)}`).toBeLessThan(200);
      }),
      { numRuns: 40 },
    );
    console.log(
      `generated shapes: slowest answer ${worstMs.toFixed(0)} ms, worst event-loop lag ${worstLag.toFixed(0)} ms; cut off by the worker: ${candidates.length ? candidates.join("; ") : "none"}`,
    );
  }, 600_000);
});
