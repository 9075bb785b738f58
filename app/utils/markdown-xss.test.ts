import fc from "fast-check";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { forbiddenInHtml, parseTags, unsafeScheme } from "#app/testing/markdown-safety.ts";
import { renderMarkdown } from "#app/utils/markdown.server.ts";
import { XSS_PAYLOAD_CLASSES, XSS_PAYLOADS } from "#app/testing/xss-corpus.ts";

// These tests hold the thread for seconds at a time; giving the event loop a turn between them lets
// Vitest's own messages through (otherwise its RPC times out on a busy machine and fails the run).
afterEach(() => new Promise((resolve) => setTimeout(resolve, 0)));

// security.md §8 T12 (corpus) and T13 (fuzz and cost) for the one Markdown renderer.

describe("T12: Markdown XSS corpus", () => {
  it("has at least 120 payloads with unique ids, covering all ten classes of §5.2", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(120);
    const ids = XSS_PAYLOADS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const counts = Object.fromEntries(XSS_PAYLOAD_CLASSES.map((c) => [c, XSS_PAYLOADS.filter((p) => p.class === c).length]));
    console.log(`[T12] corpus: ${XSS_PAYLOADS.length} payloads`, counts);
    for (const c of XSS_PAYLOAD_CLASSES) expect(counts[c], c).toBeGreaterThan(0);
    for (const p of XSS_PAYLOADS) expect(XSS_PAYLOAD_CLASSES).toContain(p.class);
  });

  it.each(XSS_PAYLOADS.map((p) => [`${p.class} / ${p.id}`, p.markdown] as const))("%s renders to safe HTML", (_name, markdown) => {
    const html = renderMarkdown(markdown);
    expect(forbiddenInHtml(html), html).toEqual([]);
  });

  it("still renders the harmless parts (the corpus does not pass merely because everything is dropped)", () => {
    expect(renderMarkdown("<mailto:x@y.example>")).toContain('href="mailto:x@y.example"');
    expect(renderMarkdown("[x](https://example.org)")).toContain('href="https://example.org"');
    // Every id is prefixed. (remark-rehype already prefixes footnote ids and rehype-sanitize prefixes them again,
    // so they come out as "user-content-user-content-fn-…" while the links point at "#user-content-fn-…".)
    const footnote = renderMarkdown("a[^__proto__]\n\n[^__proto__]: note");
    expect(footnote).toContain('<li id="user-content-user-content-fn-__proto__">');
    expect(footnote).not.toMatch(/ (id|name)="(?!user-content-)/);
    expect(renderMarkdown("`<script>alert(1)</script>`")).toContain("<code>&#x3C;script>alert(1)&#x3C;/script></code>");
    // Protocol-relative links are allowed by the schema (they leave the site); kept here so a change is noticed.
    expect(renderMarkdown("[x](//evil.example)")).toContain('href="//evil.example"');
  });
});

describe("forbiddenInHtml (the checker must not pass everything)", () => {
  const bad: [string, RegExp][] = [
    ["<script>alert(1)</script>", /forbidden element <script>/],
    ["<p>x</p><SCRIPT SRC=//evil></SCRIPT>", /<script>/],
    ["<img src=x onerror=alert(1)>", /onerror/],
    ['<img src="x" ONERROR = "alert(1)">', /onerror/],
    ["<img/src/onerror=alert(1)>", /onerror/],
    ["<img src=x onerror=alert(1)", /onerror/], // cut off by the end of input
    ['<a href="javascript:alert(1)">x</a>', /"javascript"/],
    ['<a href="  JaVaScRiPt:alert(1)">x</a>', /"javascript"/],
    ['<a href="java&#x09;script:alert(1)">x</a>', /"javascript"/],
    ['<a href="java\tscr\nipt:alert(1)">x</a>', /"javascript"/],
    ['<a href="javascript&colon;alert(1)">x</a>', /"javascript"/],
    ['<a href="&#106;&#x61;vascript&#58alert(1)">x</a>', /"javascript"/],
    ['<a href="\u0001java\u200bscript:alert(1)">x</a>', /"javascript"/],
    ["<a href=vbscript:msgbox(1)>x</a>", /"vbscript"/],
    ['<a href="irc:chat">x</a>', /"irc"/],
    ['<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">', /"data"/],
    ['<form action="javascript:alert(1)"></form>', /in action=/],
    ["<button formaction=javascript:alert(1)>x</button>", /in formaction=/],
    ['<img srcset="https://example.org/a.png 1x, javascript:alert(1) 2x">', /in srcset=/],
    ['<blockquote cite="javascript:alert(1)">x</blockquote>', /in cite=/],
    ['<svg><a xlink:href="javascript:alert(1)">x</a></svg>', /in xlink:href=/],
    ['<div style="background:url(x)">x</div>', /style=/],
    ['<iframe srcdoc="&lt;script&gt;"></iframe>', /<iframe>/],
    ["<object data=x></object>", /<object>/],
    ["<embed src=x>", /<embed>/],
    ["<svg></svg>", /<svg>/],
    ["<math></math>", /<math>/],
    ["<form></form>", /<form>/],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', /<meta>/],
    ['<base href="https://evil.example/">', /<base>/],
    ['<link rel="stylesheet" href="https://evil.example/x.css">', /<link>/],
    ["<style>*{}</style>", /<style>/],
    ["<noscript></noscript>", /<noscript>/],
    ['<a id="__proto__">x</a>', /id= without the user-content- prefix/],
    ["<img name=currentScript>", /name= without the user-content- prefix/],
    ['<!--x--><p onclick="alert(1)">x</p>', /onclick/],
  ];
  it.each(bad)("flags %s", (html, expected) => {
    const problems = forbiddenInHtml(html);
    expect(problems.length, html).toBeGreaterThan(0);
    expect(problems.join("\n")).toMatch(expected);
  });

  const good = [
    "<p>Hello <strong>world</strong>, <em>one</em> <code>online=yes</code> onion</p>",
    '<a href="https://example.org/a:b?c=javascript:x#d:e">x</a>',
    '<a href="HTTP://EXAMPLE.ORG">x</a>',
    '<a href="mailto:x@y.example">x</a>',
    '<a href="/relative/path:with-colon">x</a>',
    '<a href="./javascript:alert(1)">x</a>',
    '<a href="?q=javascript:alert(1)">x</a>',
    '<a href="#user-content-fn-1">x</a>',
    '<a href="//example.org">x</a>',
    '<a href="javascript%EF%BC%9Aalert(1)">fullwidth colon is a relative URL</a>',
    '<img src="https://example.org/i.png" alt="onerror=alert(1) style=x">',
    '<a href="https://example.org" title="<script>alert(1)</script> <svg onload=alert(1)>">x</a>',
    '<p>1 &#x3C; 2 &#x26;&#x26; x="onload=" &#x3C;script> &lt;iframe&gt;</p>',
    '<h2 id="user-content-footnote-label">Footnotes</h2><li id="user-content-fn-1"></li>',
    '<input type="checkbox" disabled> <pre><code class="language-js">x</code></pre>',
    "<p>a < b and c <3 and <> and </ 5></p>",
    renderMarkdown("x[^1] www.example.org <mailto:x@y.example>\n\n- [ ] task\n\n[^1]: note"),
  ];
  it.each(good)("does not flag %s", (html) => {
    expect(forbiddenInHtml(html)).toEqual([]);
  });

  it("tokenizes attributes the way a browser does", () => {
    expect(parseTags('<A HREF = "x y" title=\'a"b\' data-x=1 disabled/>')).toEqual([
      {
        name: "a",
        end: false,
        attributes: [
          { name: "href", value: "x y" },
          { name: "title", value: 'a"b' },
          { name: "data-x", value: "1" },
          { name: "disabled", value: "" },
        ],
      },
    ]);
    expect(unsafeScheme("&#x6A;ava&Tab;script&colon;x")).toBe("javascript");
    expect(unsafeScheme("https://x")).toBeNull();
    expect(unsafeScheme("relative/path")).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// T13: property-based fuzzing.

const FRAGMENTS = [
  "<",
  ">",
  "</",
  "/>",
  "<!--",
  "-->",
  "<![CDATA[",
  "]]>",
  "<?",
  "<!",
  "[",
  "]",
  "](",
  "][",
  "(",
  ")",
  "!",
  "![",
  "[^",
  "]:",
  "javascript:",
  "JaVaScRiPt:",
  "java\tscript:",
  "java\nscript:",
  "java%0ascript:",
  "vbscript:",
  "data:",
  "data:text/html,",
  "file:",
  "http://",
  "https://",
  "https://example.org",
  "//evil.example",
  "mailto:",
  "www.",
  "@",
  ".org",
  "on",
  "onerror=",
  "onload=",
  "onclick=",
  "alert(1)",
  "style=",
  "id=",
  "name=",
  "href=",
  "src=",
  "xlink:href=",
  "formaction=",
  '"',
  "'",
  "`",
  "```",
  "~~~",
  "=",
  " ",
  "\t",
  "\n",
  "\n\n",
  "\r\n",
  "\\",
  "&",
  ";",
  "&#",
  "&#x",
  "&#106;",
  "&#x6A;",
  "&colon;",
  "&#58;",
  "&Tab;",
  "&NewLine;",
  "&quot;",
  "&lt;",
  "&gt;",
  "&amp;",
  "*",
  "**",
  "_",
  "__",
  "~",
  "|",
  "|---|",
  "|:-:|",
  "> ",
  ">",
  "- ",
  "* ",
  "+ ",
  "1. ",
  "1) ",
  "#",
  "## ",
  "---",
  "===",
  "    ",
  "[ ] ",
  "[x] ",
  "x",
  "a",
  "1",
  "-",
  ":",
  "/",
  "?",
  "%",
  "script",
  "img",
  "svg",
  "math",
  "iframe",
  "form",
  "a",
  "div",
  "style",
  "noscript",
  "template",
  "textarea",
  "title",
  "__proto__",
  "constructor",
  "\u200b",
  "\u202e",
  "\ufeff",
  "\uff1a",
  "\u0000",
  "\u00a0",
];
const fragment = fc.constantFrom(...FRAGMENTS);
const fragmentString = fc.array(fragment, { maxLength: 60 }).map((parts) => parts.join(""));
const randomString = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "binary-ascii", maxLength: 300 }),
);

type Mutation =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete" | "duplicate" | "swapCase"; at: number; length: number }
  | { kind: "replace"; at: number; text: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fragment, fragmentString) }),
  fc.record({ kind: fc.constantFrom("delete" as const, "duplicate" as const, "swapCase" as const), at: fc.nat(), length: fc.nat({ max: 24 }) }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), text: fc.string({ unit: "binary", minLength: 1, maxLength: 3 }) }),
);

function mutate(source: string, mutations: Mutation[]): string {
  let s = source;
  for (const m of mutations) {
    const at = m.at % (s.length + 1);
    if (m.kind === "insert") s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.kind === "replace") s = s.slice(0, at) + m.text + s.slice(at + m.text.length);
    else if (m.kind === "delete") s = s.slice(0, at) + s.slice(at + m.length);
    else if (m.kind === "duplicate") s = s.slice(0, at + m.length) + s.slice(at, at + m.length) + s.slice(at + m.length);
    else {
      const part = s.slice(at, at + m.length);
      const swapped = [...part].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("");
      s = s.slice(0, at) + swapped + s.slice(at + m.length);
    }
  }
  return s;
}
// The "dos" class is left out here (each of those takes 5–250 ms to render; the pathological tests cover them).
const mutationSeeds = XSS_PAYLOADS.filter((p) => p.class !== "dos");
const mutatedPayload = fc
  .tuple(fc.constantFrom(...mutationSeeds), fc.array(mutationArb, { minLength: 1, maxLength: 8 }))
  .map(([payload, mutations]) => mutate(payload.markdown, mutations));

/**
 * Vitest resolves packages with the "development" condition, so micromark and the mdast utilities run
 * their dev builds, which contain internal `devlop` assertions. The production build (Remix, tsx) has
 * none of them. One is known to trip on odd input (`*\n[x] a`: mdast-util-gfm-task-list-item asserts
 * that a task check sits in a list item; production just renders `<ul><li></li></ul><p> a</p>`).
 * Such assertion failures are collected and printed rather than failing the fuzz run; any other throw
 * fails it.
 */
function isDevOnlyAssertion(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === "ERR_ASSERTION" && /node_modules[\\/]devlop[\\/]/.test(error.stack ?? "");
}
const devAssertions: { input: string; where: string }[] = [];

let fuzzCases = 0;
function checkInvariants(markdown: string): void {
  fuzzCases++;
  let html: string;
  try {
    html = renderMarkdown(markdown); // must not throw
  } catch (error) {
    if (!isDevOnlyAssertion(error)) throw error;
    const where = ((error as Error).stack ?? "").split("\n").find((line) => line.includes("node_modules") && !line.includes("devlop")) ?? "";
    devAssertions.push({ input: markdown, where: where.trim() });
    return;
  }
  const problems = forbiddenInHtml(html);
  if (problems.length > 0) throw new Error(`forbidden output: ${problems.join("; ")}\nhtml: ${html}`);
  if (renderMarkdown(markdown) !== html) throw new Error("rendering is not deterministic");
}

describe("T13: fuzzing renderMarkdown", () => {
  it("known upstream dev-build assertion: an empty list item followed by a `[x]` line", () => {
    const input = "*\n[x] <";
    try {
      expect(forbiddenInHtml(renderMarkdown(input))).toEqual([]); // fixed upstream, or a production build
    } catch (error) {
      expect(isDevOnlyAssertion(error), String(error)).toBe(true);
    }
  });

  const runs = { random: 5_000, fragments: 10_000, mutated: 5_000 }; // 20,000 in all, as T13 asks

  afterAll(() => {
    console.log(`[T13] fuzz cases checked: ${fuzzCases} (planned ${runs.random + runs.fragments + runs.mutated})`);
    if (devAssertions.length > 0) {
      console.log(`[T13] ${devAssertions.length} input(s) tripped a development-build-only assertion (not thrown in production):`, devAssertions.slice(0, 5));
    }
  });

  it(`random strings (${runs.random} runs)`, { timeout: 120_000 }, () => {
    fc.assert(fc.property(randomString, checkInvariants), { numRuns: runs.random });
  });

  it(`strings built from Markdown/HTML fragments (${runs.fragments} runs)`, { timeout: 120_000 }, () => {
    fc.assert(fc.property(fragmentString, checkInvariants), { numRuns: runs.fragments });
  });

  it(`mutated corpus payloads (${runs.mutated} runs)`, { timeout: 120_000 }, () => {
    fc.assert(fc.property(mutatedPayload, checkInvariants), { numRuns: runs.mutated });
  });
});

// ---------------------------------------------------------------------------------------------
// T13: pathological inputs. Times are printed, not asserted; only "no throw, safe output" is.

function renderTimed(label: string, markdown: string): string {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const start = performance.now();
  let html: string;
  let fallback: boolean;
  try {
    html = renderMarkdown(markdown);
    fallback = warn.mock.calls.some(([message]) => String(message).startsWith("markdown:"));
  } finally {
    warn.mockRestore();
  }
  const ms = performance.now() - start;
  console.log(`[T13] ${label}: ${markdown.length} chars in, ${html.length} chars out, ${ms.toFixed(0)} ms${fallback ? " (plain-text fallback)" : ""}`);
  expect(forbiddenInHtml(html)).toEqual([]);
  return html;
}

describe("T13: pathological inputs", () => {
  const paragraph = "Lorem ipsum *dolor* sit amet, **consectetur** [adipiscing](https://example.org) elit, `sed` do eiusmod.\n\n";
  const slow = { timeout: 120_000 };

  it("1 MB of prose in paragraphs", slow, () => {
    renderTimed("1 MB prose, paragraphs", paragraph.repeat(Math.ceil(1_000_000 / paragraph.length)).slice(0, 1_000_000));
  });

  it("1 MB of plain text in one paragraph", slow, () => {
    renderTimed("1 MB plain text, one paragraph", "lorem ipsum dolor sit amet consectetur\n".repeat(26_000).slice(0, 1_000_000));
  });

  it("200 KB of inline markup in one paragraph", slow, () => {
    renderTimed("200 KB emphasis+links, one paragraph", paragraph.replace(/\n/g, " ").repeat(Math.ceil(200_000 / paragraph.length)));
  });

  it("10,000 nested > blockquotes", slow, () => {
    renderTimed("10,000 nested >", `${">".repeat(10_000)} x`);
  });

  it("50,000 [ characters", slow, () => {
    renderTimed("50,000 [", "[".repeat(50_000));
  });

  it("a 10,000-column table row", slow, () => {
    renderTimed("10,000-column table", `|${" a |".repeat(10_000)}\n|${"---|".repeat(10_000)}\n|${" 1 |".repeat(10_000)}`);
  });

  it("long * and _ runs", slow, () => {
    renderTimed("100,000 * (thematic break)", "*".repeat(100_000));
    renderTimed("50,000 _ then a", `${"_".repeat(50_000)}a`);
    renderTimed("2,000 * a 2,000 *", `${"*".repeat(2_000)}a${"*".repeat(2_000)}`);
    renderTimed("5,000 * a 5,000 *", `${"*".repeat(5_000)}a${"*".repeat(5_000)}`);
    renderTimed("5,000 _ a 5,000 _", `${"_".repeat(5_000)}a${"_".repeat(5_000)}`);
    renderTimed("20,000 **a ", "**a ".repeat(20_000));
  });

  // 20,000 × *a took 18 s here; such text is refused by the form limits and cut off by the render worker.
  it("alternating *a grows super-linearly (micromark attention resolution)", slow, () => {
    for (const n of [5_000, 10_000]) renderTimed(`${n.toLocaleString("en")} × *a`, "*a".repeat(n));
  });

  it("deeply nested lists", slow, () => {
    renderTimed("200 nested list levels (indentation)", Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n"));
    for (const n of [1_000, 3_000]) renderTimed(`${n.toLocaleString("en")} nested \`- \` markers on one line`, `${"- ".repeat(n)}x`);
  });
});
