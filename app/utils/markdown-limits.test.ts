import { describe, expect, it } from "vitest";
import { markdownTooComplex, MAX_CONTAINER_DEPTH, MAX_EMPHASIS_DELIMITERS, MAX_LIST_ITEMS } from "./markdown-limits.ts";
import { renderMarkdown } from "./markdown.server.ts";

/** The most expensive Markdown the forms still accept, rendered once each; times are printed, not asserted. */
const worstAccepted: [string, string][] = [
  ["emphasis at the limit (*a × 3,000)", "*a".repeat(MAX_EMPHASIS_DELIMITERS / 2)],
  ["underscores at the limit", "_".repeat(MAX_EMPHASIS_DELIMITERS / 2) + "a" + "_".repeat(MAX_EMPHASIS_DELIMITERS / 2)],
  ["flat list at the limit (2,000 items)", "- item\n".repeat(MAX_LIST_ITEMS)],
  ["nested \"- - x\" at the limit", "- - x\n".repeat(MAX_LIST_ITEMS / 2)],
  ["8 deep per line at the limit", `${"- ".repeat(MAX_CONTAINER_DEPTH)}x\n`.repeat(MAX_LIST_ITEMS / MAX_CONTAINER_DEPTH)],
  ["100 KB of prose with links", "Human rights city practice with [a link](https://example.org) and **bold** text. ".repeat(1_230)],
  ["blockquotes 8 deep × 5,000", `${"> ".repeat(MAX_CONTAINER_DEPTH)}x\n`.repeat(5_000)],
];

const refused: [string, string][] = [
  ["too many emphasis delimiters", "*a".repeat(MAX_EMPHASIS_DELIMITERS + 1)],
  ["too many list items", "- x\n".repeat(MAX_LIST_ITEMS + 1)],
  ["nested too deeply on one line", `${"- ".repeat(MAX_CONTAINER_DEPTH + 1)}x`],
  ["ordered lists nested too deeply", `${"1. ".repeat(MAX_CONTAINER_DEPTH + 1)}x`],
  ["the 47-second shape", "- - x\n".repeat(16_000)],
  ["the same with bare CR line ends", "- - x\r".repeat(16_000)],
  ["the same with CRLF line ends", "- - x\r\n".repeat(16_000)],
];

describe("markdown complexity limits", () => {
  it.each(refused)("refuses %s", (_, md) => {
    expect(markdownTooComplex(md)).toBe(true);
  });

  it("accepts real content, and the worst accepted inputs render in bounded time", () => {
    const times: string[] = [];
    for (const [name, md] of worstAccepted) {
      expect(markdownTooComplex(md), name).toBe(false);
      const start = performance.now();
      renderMarkdown(md);
      times.push(`${name}: ${(performance.now() - start).toFixed(0)} ms (${md.length} chars)`);
    }
    console.log(`worst accepted Markdown:\n  ${times.join("\n  ")}`);
  });
});
