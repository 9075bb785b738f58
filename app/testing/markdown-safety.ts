/**
 * Independent check of rendered Markdown HTML (security.md §8 T12/T13).
 *
 * `forbiddenInHtml` does not trust the renderer: it re-tokenizes the HTML the way a browser's
 * tokenizer would (start tags, end tags, attributes with quoted / unquoted values) and reports
 * anything that could run script, load active content, restyle the page or clobber the DOM.
 *
 * Deliberately stricter than a browser where that is simpler: the contents of comments, CDATA and
 * raw-text elements are scanned as if they were markup, a tag cut off by the end of input still
 * counts, URL schemes are checked after removing every whitespace, control and invisible
 * formatting character, and only http, https and mailto (or relative URLs) are accepted.
 *
 * Pure and dependency-free, so it can run anywhere (unit tests, Playwright, scripts).
 */

const FORBIDDEN_ELEMENTS = new Set([
  "script",
  "style",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "form",
  "meta",
  "base",
  "link",
  "noscript",
  "template",
]);

/** Attributes that hold a URL (or, for srcset/ping, a list of URLs). */
const URL_ATTRIBUTES = new Set([
  "href",
  "src",
  "action",
  "formaction",
  "xlink:href",
  "cite",
  "srcset",
  "data",
  "poster",
  "background",
  "longdesc",
  "ping",
  "codebase",
  "dynsrc",
  "lowsrc",
  "manifest",
  "icon",
]);

/** Attributes that are never acceptable in sanitized user content, whatever their value. */
const FORBIDDEN_ATTRIBUTES = new Set(["style", "srcdoc", "http-equiv"]);

const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);

const CLOBBER_PREFIX = "user-content-";

/** Named character references whose value is (or contains) ASCII: enough to decode any scheme. */
const NAMED_REFERENCES: Record<string, string> = {
  amp: "&",
  AMP: "&",
  lt: "<",
  LT: "<",
  gt: ">",
  GT: ">",
  quot: '"',
  QUOT: '"',
  apos: "'",
  Tab: "\t",
  NewLine: "\n",
  nbsp: "\u00a0",
  excl: "!",
  num: "#",
  dollar: "$",
  percnt: "%",
  lpar: "(",
  rpar: ")",
  ast: "*",
  midast: "*",
  plus: "+",
  comma: ",",
  period: ".",
  sol: "/",
  colon: ":",
  semi: ";",
  equals: "=",
  quest: "?",
  commat: "@",
  lsqb: "[",
  lbrack: "[",
  bsol: "\\",
  rsqb: "]",
  rbrack: "]",
  Hat: "^",
  lowbar: "_",
  UnderBar: "_",
  grave: "`",
  DiacriticalGrave: "`",
  lcub: "{",
  lbrace: "{",
  verbar: "|",
  vert: "|",
  VerticalLine: "|",
  rcub: "}",
  rbrace: "}",
  fjlig: "fj",
  shy: "\u00ad",
  zwj: "\u200d",
  zwnj: "\u200c",
};

export interface ParsedTag {
  name: string;
  end: boolean;
  attributes: { name: string; value: string }[];
}

const isSpace = (c: string | undefined) => c === " " || c === "\t" || c === "\n" || c === "\f" || c === "\r";
const isAsciiAlpha = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);

/**
 * Tokenizes `html` into its tags, following the HTML tokenizer's tag, attribute-name and
 * attribute-value states. Text between tags is skipped; `<!…>` and `<?…>` constructs end at the
 * next `>` and what follows is scanned as markup again (stricter than a browser).
 */
export function parseTags(html: string): ParsedTag[] {
  const tags: ParsedTag[] = [];
  const n = html.length;
  let i = 0;

  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt === -1) break;
    i = lt + 1;
    let next = html[i];

    if (next === "!" || next === "?") {
      const gt = html.indexOf(">", i);
      i = gt === -1 ? n : gt + 1;
      continue;
    }

    let end = false;
    if (next === "/") {
      end = true;
      i++;
      next = html[i];
    }
    if (!isAsciiAlpha(next)) continue; // a literal "<" (or "</" followed by junk)

    // Tag name.
    let name = "";
    while (i < n && !isSpace(html[i]) && html[i] !== "/" && html[i] !== ">") name += html[i++];
    const tag: ParsedTag = { name: name.toLowerCase(), end, attributes: [] };
    tags.push(tag);

    // Attributes, until ">" or the end of input.
    while (i < n) {
      while (i < n && (isSpace(html[i]) || html[i] === "/")) i++;
      if (i >= n) break;
      if (html[i] === ">") {
        i++;
        break;
      }
      let attrName = html[i++] as string; // the first character may be "=" (spec: part of the name)
      while (i < n && !isSpace(html[i]) && html[i] !== "/" && html[i] !== ">" && html[i] !== "=") attrName += html[i++];
      while (i < n && isSpace(html[i])) i++;
      let value = "";
      if (html[i] === "=") {
        i++;
        while (i < n && isSpace(html[i])) i++;
        const quote = html[i];
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, i + 1);
          value = html.slice(i + 1, close === -1 ? n : close);
          i = close === -1 ? n : close + 1;
        } else {
          while (i < n && !isSpace(html[i]) && html[i] !== ">") value += html[i++];
        }
      }
      tag.attributes.push({ name: attrName.toLowerCase(), value });
    }
  }
  return tags;
}

/** Decodes numeric character references and the ASCII-valued named ones (semicolon optional). */
export function decodeCharacterReferences(value: string): string {
  return value.replace(/&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]*));?/g, (match, hex?: string, dec?: string, named?: string) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec as string, 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
      return String.fromCodePoint(code);
    }
    const decoded = named === undefined ? undefined : NAMED_REFERENCES[named];
    return decoded === undefined ? match : decoded;
  });
}

/**
 * Whitespace, C0/C1 controls, and invisible formatting characters (zero-width, bidi controls,
 * soft hyphen, BOM, word joiner, …): removed before looking for a scheme, so that no spelling of
 * `java<invisible>script:` can slip past.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\u115f\u3164\uffa0]|\u1160|[\ufe00-\ufe0f]/gu;

/** The scheme of a URL attribute value if it is not allowed; null for safe and relative URLs. */
export function unsafeScheme(rawValue: string): string | null {
  const cleaned = decodeCharacterReferences(rawValue).replace(INVISIBLE, "");
  const colon = cleaned.indexOf(":");
  if (colon === -1) return null;
  const beforeColon = cleaned.slice(0, colon);
  // A ":" after "/", "?" or "#" is part of a path, query or fragment: the URL is relative.
  if (/[/?#]/.test(beforeColon)) return null;
  const scheme = beforeColon.toLowerCase();
  return SAFE_SCHEMES.has(scheme) ? null : scheme;
}

function urlsOf(attribute: string, value: string): string[] {
  if (attribute === "srcset") return value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "");
  if (attribute === "ping") return value.split(/\s+/);
  return [value];
}

const shorten = (value: string) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);

/** Problems in rendered HTML; an empty list means none was found. */
export function forbiddenInHtml(html: string): string[] {
  const problems: string[] = [];
  for (const tag of parseTags(html)) {
    const where = `<${tag.end ? "/" : ""}${tag.name}>`;
    if (FORBIDDEN_ELEMENTS.has(tag.name)) problems.push(`forbidden element ${where}`);
    for (const { name, value } of tag.attributes) {
      if (name.startsWith("on")) problems.push(`event handler attribute ${name}= on ${where}`);
      if (FORBIDDEN_ATTRIBUTES.has(name)) problems.push(`forbidden attribute ${name}= on ${where}`);
      if (URL_ATTRIBUTES.has(name)) {
        for (const url of urlsOf(name, value)) {
          const scheme = unsafeScheme(url);
          if (scheme !== null) problems.push(`unsafe URL scheme ${JSON.stringify(scheme)} in ${name}= on ${where}: ${shorten(value)}`);
        }
      }
      if ((name === "id" || name === "name") && !decodeCharacterReferences(value).startsWith(CLOBBER_PREFIX)) {
        problems.push(`${name}= without the ${CLOBBER_PREFIX} prefix on ${where}: ${shorten(value)}`);
      }
    }
  }
  return problems;
}
