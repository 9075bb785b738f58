import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown.server.ts";

describe("renderMarkdown", () => {
  it("renders CommonMark and GitHub tables", () => {
    const html = renderMarkdown("## Context\n\n**Bold** [link](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |");
    expect(html).toContain("<h2>Context</h2>");
    expect(html).toContain('<a href="https://example.org">link</a>');
    expect(html).toContain("<table>");
  });

  it.each([
    ["<script>alert(1)</script>", "<script"],
    ['<img src=x onerror="alert(1)">', "onerror"],
    ["[click](javascript:alert(1))", "javascript:"],
    ['<a href="javascript:alert(1)">x</a>', "javascript:"],
    ["<iframe src=//evil></iframe>", "<iframe"],
    ['<div style="background:url(x)">x</div>', "style="],
  ])("removes dangerous markup: %s", (input, forbidden) => {
    expect(renderMarkdown(input).toLowerCase()).not.toContain(forbidden);
  });

  it("turns images from other sites into links, so opening a page tells no other server (ADR 008)", () => {
    const html = renderMarkdown(
      "![Council decision](https://tracker.example/pixel.png) and ![logo](/favicon.svg)\n\n[![badge](https://x.example/b.png)](https://example.org)",
    );
    expect(html).toContain('<a href="https://tracker.example/pixel.png">Council decision</a>');
    expect(html).not.toContain('src="https://');
    expect(html).toContain('<img src="/favicon.svg" alt="logo">');
    expect(html).toContain('<a href="https://example.org">badge</a>');
  });
});
