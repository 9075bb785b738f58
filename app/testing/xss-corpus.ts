/**
 * Markdown XSS corpus (security.md §5.2, tests T12/T13).
 *
 * Every entry is Markdown that an author could submit. After `renderMarkdown`, none of them may
 * produce HTML that `forbiddenInHtml` objects to, and none may execute anything in a browser.
 *
 * Plain data on purpose: no imports, so the Vitest suite and the Playwright (Chromium) test can
 * both load it. Ids are stable: add new entries, do not rename or reuse old ids.
 */

export const XSS_PAYLOAD_CLASSES = [
  "javascript-link",
  "autolink",
  "data-uri",
  "svg-mathml",
  "raw-html",
  "mutation",
  "title-breakout",
  "dom-clobbering",
  "unicode",
  "dos",
] as const;

export type XssPayloadClass = (typeof XSS_PAYLOAD_CLASSES)[number];

export interface XssPayload {
  /** Stable, unique, descriptive. */
  id: string;
  /** One of XSS_PAYLOAD_CLASSES (the ten bypass classes of security.md §5.2). */
  class: XssPayloadClass;
  markdown: string;
}

const B64_SCRIPT = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="; // <script>alert(1)</script>
const B64_SVG = "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4="; // <svg xmlns=… onload="alert(1)"/>
const IMG = "<img src=x onerror=alert(1)>";

/** 1. `javascript:` (and other script-ish schemes) in Markdown links and images. */
const javascriptLinks: XssPayload[] = [
  { id: "js-inline-link", class: "javascript-link", markdown: "[x](javascript:alert(1))" },
  { id: "js-inline-link-mixed-case", class: "javascript-link", markdown: "[x](JaVaScRiPt:alert(1))" },
  { id: "js-inline-link-upper-case", class: "javascript-link", markdown: "[x](JAVASCRIPT:alert(1))" },
  { id: "js-inline-link-leading-space", class: "javascript-link", markdown: "[x]( javascript:alert(1))" },
  { id: "js-inline-link-surrounding-spaces", class: "javascript-link", markdown: "[x](   javascript:alert(1)   )" },
  { id: "js-inline-link-angle-destination", class: "javascript-link", markdown: "[x](<javascript:alert(1)>)" },
  { id: "js-inline-link-tab-in-scheme", class: "javascript-link", markdown: "[x](<java\tscript:alert(1)>)" },
  { id: "js-inline-link-newline-in-scheme", class: "javascript-link", markdown: "[x](<java\nscript:alert(1)>)" },
  { id: "js-inline-link-cr-in-scheme", class: "javascript-link", markdown: "[x](<java\rscript:alert(1)>)" },
  { id: "js-inline-link-leading-control-char", class: "javascript-link", markdown: "[x](<\u0001javascript:alert(1)>)" },
  { id: "js-inline-link-percent-0a", class: "javascript-link", markdown: "[x](java%0ascript:alert(1))" },
  { id: "js-inline-link-percent-09", class: "javascript-link", markdown: "[x](java%09script:alert(1))" },
  { id: "js-inline-link-percent-0d", class: "javascript-link", markdown: "[x](java%0dscript:alert(1))" },
  { id: "js-inline-link-percent-encoded-scheme", class: "javascript-link", markdown: "[x](%6A%61%76%61%73%63%72%69%70%74:alert(1))" },
  { id: "js-inline-link-decimal-entity", class: "javascript-link", markdown: "[x](&#106;avascript:alert(1))" },
  { id: "js-inline-link-hex-entity", class: "javascript-link", markdown: "[x](&#x6A;avascript:alert(1))" },
  { id: "js-inline-link-zero-padded-entity", class: "javascript-link", markdown: "[x](&#0000106&#0000097vascript:alert(1))" },
  { id: "js-inline-link-colon-entity", class: "javascript-link", markdown: "[x](javascript&colon;alert(1))" },
  { id: "js-inline-link-colon-decimal-entity", class: "javascript-link", markdown: "[x](javascript&#58;alert(1))" },
  { id: "js-inline-link-colon-hex-entity", class: "javascript-link", markdown: "[x](javascript&#x3a;alert(1))" },
  { id: "js-inline-link-tab-entity", class: "javascript-link", markdown: "[x](java&Tab;script:alert(1))" },
  { id: "js-inline-link-newline-entity", class: "javascript-link", markdown: "[x](java&NewLine;script:alert(1))" },
  { id: "js-inline-link-all-entities", class: "javascript-link", markdown: "[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))" },
  { id: "js-inline-link-escaped-colon", class: "javascript-link", markdown: "[x](javascript\\:alert(1))" },
  { id: "js-inline-link-double-slash-comment", class: "javascript-link", markdown: "[x](javascript://%0aalert(1))" },
  { id: "js-inline-link-with-double-quoted-title", class: "javascript-link", markdown: '[x](javascript:alert(1) "t")' },
  { id: "js-inline-link-with-single-quoted-title", class: "javascript-link", markdown: "[x](javascript:alert(1) 't')" },
  { id: "js-inline-link-with-paren-title", class: "javascript-link", markdown: "[x](javascript:alert(1) (t))" },
  { id: "js-image", class: "javascript-link", markdown: "![x](javascript:alert(1))" },
  { id: "js-link-around-image", class: "javascript-link", markdown: "[![x](https://example.org/i.png)](javascript:alert(1))" },
  { id: "js-nested-link-text", class: "javascript-link", markdown: "[[x](javascript:alert(1))](https://example.org)" },
  { id: "js-reference-full", class: "javascript-link", markdown: "[x][r]\n\n[r]: javascript:alert(1)" },
  { id: "js-reference-collapsed", class: "javascript-link", markdown: "[r][]\n\n[r]: javascript:alert(1)" },
  { id: "js-reference-shortcut", class: "javascript-link", markdown: "[r]\n\n[r]: javascript:alert(1)" },
  { id: "js-reference-with-title", class: "javascript-link", markdown: '[x][r]\n\n[r]: javascript:alert(1) "title"' },
  { id: "js-reference-angle-destination", class: "javascript-link", markdown: "[x][r]\n\n[r]: <javascript:alert(1)>" },
  { id: "js-reference-entity-encoded", class: "javascript-link", markdown: "[x][r]\n\n[r]: &#106;avascript&colon;alert(1)" },
  { id: "js-reference-image", class: "javascript-link", markdown: "![x][r]\n\n[r]: javascript:alert(1)" },
  { id: "js-reference-definition-before-use", class: "javascript-link", markdown: "[r]: JaVaScRiPt:alert(1)\n\nsee [r]" },
  { id: "js-link-in-table-cell", class: "javascript-link", markdown: "| a |\n|---|\n| [x](javascript:alert(1)) |" },
  { id: "js-link-in-heading", class: "javascript-link", markdown: "# [x](javascript:alert(1))" },
  { id: "js-link-in-list-and-quote", class: "javascript-link", markdown: "> - [x](javascript:alert(1))" },
  { id: "js-link-in-footnote", class: "javascript-link", markdown: "a[^1]\n\n[^1]: [x](javascript:alert(1))" },
  { id: "vbscript-link", class: "javascript-link", markdown: "[x](vbscript:msgbox(1))" },
  { id: "vbscript-link-mixed-case", class: "javascript-link", markdown: "[x](VbScRiPt:msgbox(1))" },
  { id: "vbscript-image", class: "javascript-link", markdown: "![x](vbscript:msgbox(1))" },
  { id: "file-link", class: "javascript-link", markdown: "[x](file:///etc/passwd)" },
  { id: "file-image", class: "javascript-link", markdown: "![x](file:///C:/Windows/win.ini)" },
  { id: "livescript-link", class: "javascript-link", markdown: "[x](livescript:alert(1))" },
  { id: "mocha-link", class: "javascript-link", markdown: "[x](mocha:alert(1))" },
];

/** 2. Autolinks: CommonMark `<…>` autolinks and GFM bare-URL autolinks. */
const autolinks: XssPayload[] = [
  { id: "autolink-javascript", class: "autolink", markdown: "<javascript:alert(1)>" },
  { id: "autolink-javascript-upper", class: "autolink", markdown: "<JAVASCRIPT:alert(1)>" },
  { id: "autolink-javascript-comment-newline", class: "autolink", markdown: "<javascript://%0aalert(1)>" },
  { id: "autolink-javascript-entity-colon", class: "autolink", markdown: "<javascript&colon;alert(1)>" },
  { id: "autolink-vbscript", class: "autolink", markdown: "<vbscript:msgbox(1)>" },
  { id: "autolink-file", class: "autolink", markdown: "<file:///etc/passwd>" },
  { id: "autolink-data-base64", class: "autolink", markdown: `<data:text/html;base64,${B64_SCRIPT}>` },
  { id: "autolink-mailto-allowed", class: "autolink", markdown: "<mailto:x@y.example>" },
  { id: "autolink-email-allowed", class: "autolink", markdown: "<x@y.example>" },
  { id: "autolink-https-with-quote", class: "autolink", markdown: '<https://example.org/"onmouseover="alert(1)>' },
  { id: "autolink-https-with-html-like-query", class: "autolink", markdown: "<https://example.org/?q=&lt;script&gt;alert(1)&lt;/script&gt;>" },
  { id: "gfm-bare-javascript", class: "autolink", markdown: "javascript:alert(1)" },
  { id: "gfm-bare-javascript-next-to-www", class: "autolink", markdown: "www.javascript:alert(1)" },
  { id: "gfm-bare-www-then-javascript", class: "autolink", markdown: "www.example.org javascript:alert(1) https://example.org" },
  { id: "gfm-bare-https-then-html", class: "autolink", markdown: `https://example.org/${IMG}` },
  { id: "gfm-bare-www-quote-breakout", class: "autolink", markdown: 'www.example.org"onmouseover=alert(1)//' },
  { id: "gfm-bare-https-path-javascript", class: "autolink", markdown: "https://example.org/javascript:alert(1)" },
  { id: "gfm-bare-email", class: "autolink", markdown: "contact x@y.example now" },
  { id: "gfm-bare-mailto", class: "autolink", markdown: "mailto:x@y.example" },
  { id: "protocol-relative-link-review", class: "autolink", markdown: "[x](//evil.example)" },
  { id: "protocol-relative-backslashes", class: "autolink", markdown: "[x](\\\\evil.example)" },
];

/** 3. `data:` URIs. */
const dataUris: XssPayload[] = [
  { id: "data-image-html-base64", class: "data-uri", markdown: `![x](data:text/html;base64,${B64_SCRIPT})` },
  { id: "data-image-svg-inline", class: "data-uri", markdown: "![x](data:image/svg+xml,<svg onload=alert(1)>)" },
  { id: "data-image-svg-base64", class: "data-uri", markdown: `![x](data:image/svg+xml;base64,${B64_SVG})` },
  { id: "data-image-svg-percent-encoded", class: "data-uri", markdown: "![x](data:image/svg+xml;utf8,%3Csvg%20onload%3Dalert(1)%3E)" },
  {
    id: "data-image-png",
    class: "data-uri",
    markdown: "![x](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==)",
  },
  { id: "data-link-html", class: "data-uri", markdown: "[x](data:text/html,<script>alert(1)</script>)" },
  { id: "data-link-html-angle", class: "data-uri", markdown: "[x](<data:text/html,%3Cscript%3Ealert(1)%3C/script%3E>)" },
  { id: "data-link-html-base64", class: "data-uri", markdown: `[x](data:text/html;base64,${B64_SCRIPT})` },
  { id: "data-link-upper-case", class: "data-uri", markdown: `[x](DATA:text/html;base64,${B64_SCRIPT})` },
  { id: "data-link-bare-comma", class: "data-uri", markdown: "[x](data:,alert(1))" },
  { id: "data-link-entity-colon", class: "data-uri", markdown: "[x](data&colon;text/html,%3Cscript%3Ealert(1)%3C/script%3E)" },
  { id: "data-link-percent-scheme", class: "data-uri", markdown: "[x](%64ata:text/html,x)" },
  { id: "data-reference", class: "data-uri", markdown: `[x][d]\n\n[d]: data:text/html;base64,${B64_SCRIPT}` },
  { id: "data-reference-image", class: "data-uri", markdown: `![x][d]\n\n[d]: data:image/svg+xml;base64,${B64_SVG}` },
];

/** 4. SVG and MathML (raw HTML, so it must all be dropped). */
const svgMathml: XssPayload[] = [
  { id: "svg-onload", class: "svg-mathml", markdown: "<svg onload=alert(1)>" },
  { id: "svg-onload-slash", class: "svg-mathml", markdown: "<svg/onload=alert(1)>" },
  { id: "svg-onload-upper", class: "svg-mathml", markdown: "<SVG ONLOAD=alert(1)>" },
  { id: "svg-inline-in-paragraph", class: "svg-mathml", markdown: "text <svg onload=alert(1)></svg> text" },
  { id: "svg-foreignobject", class: "svg-mathml", markdown: `<svg><foreignObject>${IMG}</foreignObject></svg>` },
  { id: "svg-script", class: "svg-mathml", markdown: "<svg><script>alert(1)</script></svg>" },
  { id: "svg-script-href", class: "svg-mathml", markdown: '<svg><script href="data:,alert(1)"/></svg>' },
  { id: "svg-a-xlink-href", class: "svg-mathml", markdown: '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>' },
  { id: "svg-animate-onbegin", class: "svg-mathml", markdown: "<svg><animate onbegin=alert(1) attributeName=x dur=1s>" },
  { id: "svg-set-href", class: "svg-mathml", markdown: "<svg><a><set attributeName=href to=javascript:alert(1) /><text y=20>x</text></a></svg>" },
  { id: "svg-use-data", class: "svg-mathml", markdown: `<svg><use href="data:image/svg+xml;base64,${B64_SVG}#x"/></svg>` },
  { id: "svg-in-table-cell", class: "svg-mathml", markdown: "| a |\n|---|\n| <svg onload=alert(1)> |" },
  { id: "svg-in-heading", class: "svg-mathml", markdown: "## <svg onload=alert(1)>" },
  { id: "svg-file-as-image", class: "svg-mathml", markdown: "![x](https://example.org/uploads/evil.svg)" },
  { id: "math-mi-xlink-href-data", class: "svg-mathml", markdown: '<math><mi xlink:href="data:x,<script>alert(1)</script>">' },
  { id: "math-href-javascript", class: "svg-mathml", markdown: '<math href="javascript:alert(1)">CLICK</math>' },
  {
    id: "math-maction-xlink-href",
    class: "svg-mathml",
    markdown: '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">CLICK</maction></math>',
  },
  { id: "math-mtext-img", class: "svg-mathml", markdown: `<math><mtext>${IMG}</mtext></math>` },
];

/** 5. Raw HTML of every kind (Markdown raw HTML is dropped; rehype-sanitize is the second net). */
const rawHtml: XssPayload[] = [
  { id: "html-script-block", class: "raw-html", markdown: "<script>alert(1)</script>" },
  { id: "html-script-src", class: "raw-html", markdown: "<SCRIPT SRC=//evil.example/x.js></SCRIPT>" },
  { id: "html-script-inline", class: "raw-html", markdown: "hello <script>alert(1)</script> world" },
  { id: "html-script-unclosed", class: "raw-html", markdown: "<script>alert(1)" },
  { id: "html-img-onerror", class: "raw-html", markdown: IMG },
  { id: "html-img-onerror-quoted-inline", class: "raw-html", markdown: 'a <img src="x" onerror="alert(1)"> b' },
  { id: "html-img-slash-separators", class: "raw-html", markdown: "<img/src/onerror=alert(1)>" },
  { id: "html-img-unclosed", class: "raw-html", markdown: "<img src=x onerror=alert(1)//" },
  { id: "html-img-srcset", class: "raw-html", markdown: '<img srcset="javascript:alert(1) 1x">' },
  { id: "html-iframe-src-javascript", class: "raw-html", markdown: "<iframe src=javascript:alert(1)></iframe>" },
  { id: "html-iframe-srcdoc", class: "raw-html", markdown: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>' },
  { id: "html-iframe-src-data", class: "raw-html", markdown: `<iframe src="data:text/html;base64,${B64_SCRIPT}"></iframe>` },
  { id: "html-a-href-javascript", class: "raw-html", markdown: '<a href="javascript:alert(1)">x</a>' },
  { id: "html-a-href-space-in-scheme", class: "raw-html", markdown: '<a href="jAva script:alert(1)">x</a>' },
  { id: "html-a-href-entity-scheme", class: "raw-html", markdown: '<a href="&#106;avascript:alert(1)">x</a>' },
  { id: "html-a-onclick", class: "raw-html", markdown: '<a href="https://example.org" onclick="alert(1)">x</a>' },
  { id: "html-div-onmouseover", class: "raw-html", markdown: "<div onmouseover=alert(1)>hover</div>" },
  { id: "html-span-onpointerenter-inline", class: "raw-html", markdown: "a <span onpointerenter=alert(1)>b</span> c" },
  { id: "html-h1-onclick", class: "raw-html", markdown: "<h1 onclick=alert(1)>x</h1>" },
  { id: "html-body-onload", class: "raw-html", markdown: "<body onload=alert(1)>" },
  { id: "html-details-ontoggle", class: "raw-html", markdown: "<details open ontoggle=alert(1)><summary>x</summary></details>" },
  { id: "html-video-source-onerror", class: "raw-html", markdown: "<video><source onerror=alert(1)></video>" },
  { id: "html-audio-onerror", class: "raw-html", markdown: "<audio src=x onerror=alert(1)></audio>" },
  { id: "html-input-autofocus-onfocus", class: "raw-html", markdown: "<input autofocus onfocus=alert(1)>" },
  { id: "html-select-autofocus-onfocus", class: "raw-html", markdown: "<select autofocus onfocus=alert(1)></select>" },
  { id: "html-textarea-autofocus-onfocus", class: "raw-html", markdown: "<textarea autofocus onfocus=alert(1)></textarea>" },
  { id: "html-marquee-onstart", class: "raw-html", markdown: "<marquee onstart=alert(1)>x</marquee>" },
  { id: "html-custom-element-onclick", class: "raw-html", markdown: "<x-y onclick=alert(1)>custom</x-y>" },
  { id: "html-form-action", class: "raw-html", markdown: "<form action=javascript:alert(1)><button>go</button></form>" },
  { id: "html-button-formaction", class: "raw-html", markdown: "<form><button formaction=javascript:alert(1)>go</button></form>" },
  { id: "html-input-image-formaction", class: "raw-html", markdown: "<form><input type=image src=x formaction=javascript:alert(1)></form>" },
  { id: "html-meta-refresh", class: "raw-html", markdown: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { id: "html-meta-refresh-data", class: "raw-html", markdown: `<meta http-equiv="refresh" content="0;url=data:text/html;base64,${B64_SCRIPT}">` },
  { id: "html-base-href", class: "raw-html", markdown: '<base href="https://evil.example/">' },
  { id: "html-link-stylesheet", class: "raw-html", markdown: '<link rel="stylesheet" href="https://evil.example/x.css">' },
  { id: "html-link-import", class: "raw-html", markdown: '<link rel="import" href="https://evil.example/x.html">' },
  { id: "html-style-import", class: "raw-html", markdown: "<style>@import 'https://evil.example/x.css';</style>" },
  { id: "html-style-background-javascript", class: "raw-html", markdown: "<style>body{background:url(javascript:alert(1))}</style>" },
  { id: "html-style-attribute-url", class: "raw-html", markdown: '<div style="background:url(javascript:alert(1))">x</div>' },
  { id: "html-style-attribute-overlay", class: "raw-html", markdown: '<p style="position:fixed;top:0;left:0;width:100%;height:100%">covered</p>' },
  { id: "html-object-data", class: "raw-html", markdown: "<object data=javascript:alert(1)></object>" },
  { id: "html-embed-src", class: "raw-html", markdown: "<embed src=javascript:alert(1)>" },
  { id: "html-table-background", class: "raw-html", markdown: '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>' },
  { id: "html-blockquote-cite", class: "raw-html", markdown: '<blockquote cite="javascript:alert(1)">x</blockquote>' },
  { id: "html-in-list-item", class: "raw-html", markdown: `- item\n- ${IMG}` },
  { id: "html-in-blockquote", class: "raw-html", markdown: "> <script>alert(1)</script>" },
  { id: "html-in-table-cell", class: "raw-html", markdown: `| a |\n|---|\n| ${IMG} |` },
  { id: "html-in-link-text", class: "raw-html", markdown: `[${IMG}](https://example.org)` },
  { id: "html-in-emphasis", class: "raw-html", markdown: `*${IMG}*` },
  { id: "html-in-code-span-is-text", class: "raw-html", markdown: "`<script>alert(1)</script>`" },
  { id: "html-in-fenced-code-is-text", class: "raw-html", markdown: "```html\n<script>alert(1)</script>\n```" },
  { id: "html-in-indented-code-is-text", class: "raw-html", markdown: `    ${IMG}` },
];

/** 6. Mutation XSS and parser differentials. */
const deepDivs = `${"<div>".repeat(300)}${IMG}${"</div>".repeat(300)}`;
const mutation: XssPayload[] = [
  { id: "mxss-noscript-title", class: "mutation", markdown: `<noscript><p title="</noscript>${IMG}">` },
  { id: "mxss-comment-abrupt-close", class: "mutation", markdown: `<!--><img src=x onerror=alert(1)>-->` },
  { id: "mxss-comment-abrupt-close-dash", class: "mutation", markdown: `<!---><img src=x onerror=alert(1)>-->` },
  { id: "mxss-comment-bang-close", class: "mutation", markdown: `<!-- --!>${IMG}-->` },
  { id: "mxss-svg-style", class: "mutation", markdown: `<svg><style>${IMG}</style>` },
  { id: "mxss-math-mtext-mglyph-style", class: "mutation", markdown: `<math><mtext><table><mglyph><style>${IMG}` },
  {
    id: "mxss-math-style-comment",
    class: "mutation",
    markdown: '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;">',
  },
  { id: "mxss-form-math-mglyph", class: "mutation", markdown: "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>" },
  { id: "mxss-math-cdata", class: "mutation", markdown: `<math><![CDATA[${IMG}]]></math>` },
  { id: "mxss-svg-cdata", class: "mutation", markdown: `<svg><![CDATA[><img src=x onerror=alert(1)>]]></svg>` },
  { id: "mxss-math-comment", class: "mutation", markdown: `<math><!--${IMG}--></math>` },
  { id: "mxss-markdown-cdata", class: "mutation", markdown: `a <![CDATA[${IMG}]]> b` },
  { id: "mxss-processing-instruction", class: "mutation", markdown: `a <?x ${IMG} ?> b` },
  { id: "mxss-declaration", class: "mutation", markdown: `<!DOCTYPE html ${IMG}>` },
  { id: "mxss-textarea-rcdata", class: "mutation", markdown: `<textarea>${IMG}</textarea>` },
  { id: "mxss-title-rcdata", class: "mutation", markdown: `<title>${IMG}</title>` },
  { id: "mxss-xmp", class: "mutation", markdown: `<xmp></xmp>${IMG}</xmp>` },
  { id: "mxss-plaintext", class: "mutation", markdown: `<plaintext>${IMG}` },
  { id: "mxss-template", class: "mutation", markdown: `<template>${IMG}</template>` },
  { id: "mxss-select-template-style", class: "mutation", markdown: `<select><template><style>${IMG}</style></template></select>` },
  { id: "mxss-attribute-closes-tag", class: "mutation", markdown: `<a title="</a>${IMG}">x</a>` },
  { id: "mxss-html-comment-in-link-text", class: "mutation", markdown: `[<!--](https://example.org) ${IMG} -->` },
  { id: "mxss-nesting-300-divs", class: "mutation", markdown: deepDivs },
  { id: "mxss-nesting-300-blockquotes", class: "mutation", markdown: `${">".repeat(300)} [x](javascript:alert(1)) ${IMG}` },
  { id: "mxss-nesting-300-list-items", class: "mutation", markdown: `${"- ".repeat(300)}[x](javascript:alert(1))` },
  { id: "mxss-nesting-300-emphasis", class: "mutation", markdown: `${"*".repeat(300)}[x](javascript:alert(1))${"*".repeat(300)}` },
];

/** 7. Attribute breakout through link titles, alt text, URLs and code info strings. */
const titleBreakout: XssPayload[] = [
  { id: "title-double-quote-breakout", class: "title-breakout", markdown: '[a](https://example.org "a\\" onmouseover=alert(1) x=\\"")' },
  { id: "title-single-quote-breakout", class: "title-breakout", markdown: "[a](https://example.org 'a\\' onmouseover=alert(1) x=\\'')" },
  { id: "title-paren-breakout", class: "title-breakout", markdown: '[a](https://example.org (a" onmouseover="alert(1)))' },
  { id: "title-entity-quote-breakout", class: "title-breakout", markdown: '[a](https://example.org "&quot; onmouseover=alert(1) x=&quot;")' },
  { id: "title-closes-tag", class: "title-breakout", markdown: '[a](https://example.org "\\"><script>alert(1)</script>")' },
  { id: "title-with-newline", class: "title-breakout", markdown: '[a](https://example.org "a\n\\" onmouseover=alert(1) \\"")' },
  { id: "title-image-onerror", class: "title-breakout", markdown: '![a](https://example.org/i.png "\\" onerror=\\"alert(1)")' },
  { id: "title-reference-definition", class: "title-breakout", markdown: '[a][r]\n\n[r]: https://example.org "\\"><img src=x onerror=alert(1)>"' },
  { id: "alt-text-breakout", class: "title-breakout", markdown: '![a" onerror="alert(1)](https://example.org/i.png)' },
  { id: "alt-text-with-html", class: "title-breakout", markdown: `![a ${IMG} b](https://example.org/i.png)` },
  { id: "url-quote-breakout", class: "title-breakout", markdown: '[a](https://example.org/"onmouseover="alert(1))' },
  { id: "url-angle-quote-breakout", class: "title-breakout", markdown: '[a](<https://example.org/" onmouseover="alert(1)>)' },
  { id: "url-entity-quote-breakout", class: "title-breakout", markdown: "[a](https://example.org/&quot;onmouseover=&quot;alert(1))" },
  { id: "code-info-string-breakout", class: "title-breakout", markdown: '```"><script>alert(1)</script>\ncode\n```' },
  { id: "code-info-string-class-breakout", class: "title-breakout", markdown: '```js" onmouseover="alert(1)\ncode\n```' },
  { id: "footnote-label-breakout", class: "title-breakout", markdown: 'a[^x" onmouseover="alert(1)]\n\n[^x" onmouseover="alert(1)]: note' },
  { id: "table-alignment-with-html-cell", class: "title-breakout", markdown: '| a | b |\n|:-:|--:|\n| " onmouseover="alert(1) | x |' },
];

/** 8. DOM clobbering: every id/name must carry the `user-content-` prefix. */
const domClobbering: XssPayload[] = [
  { id: "clobber-a-id-proto", class: "dom-clobbering", markdown: '<a id="__proto__">x</a>' },
  { id: "clobber-form-name-getelementbyid", class: "dom-clobbering", markdown: '<form name="getElementById"></form>' },
  { id: "clobber-img-name-currentscript", class: "dom-clobbering", markdown: '<img name="currentScript" src="https://example.org/i.png">' },
  { id: "clobber-a-name-cookie", class: "dom-clobbering", markdown: '<a name="cookie" href="https://example.org">x</a>' },
  { id: "clobber-img-id-location", class: "dom-clobbering", markdown: '<img id="location" src="https://example.org/i.png">' },
  { id: "clobber-input-name-attributes", class: "dom-clobbering", markdown: '<form><input name="attributes"></form>' },
  { id: "clobber-footnote-proto", class: "dom-clobbering", markdown: "a[^__proto__]\n\n[^__proto__]: note" },
  { id: "clobber-footnote-getelementbyid", class: "dom-clobbering", markdown: "a[^getElementById]\n\n[^getElementById]: note" },
  { id: "clobber-footnote-constructor", class: "dom-clobbering", markdown: "a[^constructor]\n\n[^constructor]: note" },
  { id: "clobber-footnote-undefined-tostring", class: "dom-clobbering", markdown: "a[^toString] b[^hasOwnProperty]" },
  { id: "clobber-reference-proto", class: "dom-clobbering", markdown: "[x][__proto__]\n\n[__proto__]: https://example.org" },
  { id: "clobber-reference-constructor-undefined", class: "dom-clobbering", markdown: "[x][constructor] [y][hasOwnProperty] [z][valueOf]" },
  { id: "clobber-task-list-checkbox", class: "dom-clobbering", markdown: "- [x] done\n- [ ] <input name=currentScript>" },
];

/** 9. Unicode tricks. */
const unicode: XssPayload[] = [
  { id: "unicode-rlo-in-link-text", class: "unicode", markdown: "[\u202Egnp.exe](https://example.org/invoice.exe)" },
  { id: "unicode-rlo-in-url", class: "unicode", markdown: "[x](https://example.org/\u202Egnp.exe)" },
  { id: "unicode-zwsp-in-scheme", class: "unicode", markdown: "[x](java\u200Bscript:alert(1))" },
  { id: "unicode-zwnj-in-scheme", class: "unicode", markdown: "[x](java\u200Cscript:alert(1))" },
  { id: "unicode-zwj-in-scheme", class: "unicode", markdown: "[x](java\u200Dscript:alert(1))" },
  { id: "unicode-word-joiner-in-scheme", class: "unicode", markdown: "[x](java\u2060script:alert(1))" },
  { id: "unicode-soft-hyphen-in-scheme", class: "unicode", markdown: "[x](java\u00ADscript:alert(1))" },
  { id: "unicode-bom-before-scheme", class: "unicode", markdown: "[x](\uFEFFjavascript:alert(1))" },
  { id: "unicode-nbsp-before-colon", class: "unicode", markdown: "[x](javascript\u00A0:alert(1))" },
  { id: "unicode-line-separator-in-scheme", class: "unicode", markdown: "[x](<java\u2028script:alert(1)>)" },
  { id: "unicode-nul-in-scheme", class: "unicode", markdown: "[x](<java\u0000script:alert(1)>)" },
  { id: "unicode-fullwidth-colon", class: "unicode", markdown: "[x](javascript\uFF1Aalert(1))" },
  { id: "unicode-fullwidth-colon-autolink", class: "unicode", markdown: "<javascript\uFF1Aalert(1)>" },
  { id: "unicode-fullwidth-letters", class: "unicode", markdown: "[x](\uFF4A\uFF41\uFF56\uFF41\uFF53\uFF43\uFF52\uFF49\uFF50\uFF54:alert(1))" },
  { id: "unicode-idn-lookalike-domain", class: "unicode", markdown: "[example.org](https://ex\u0430mple.org)" },
  { id: "unicode-punycode-domain", class: "unicode", markdown: "[example.org](https://xn--exmple-4nf.org)" },
  { id: "unicode-fullwidth-lt-html", class: "unicode", markdown: "\uFF1Cscript\uFF1Ealert(1)\uFF1C/script\uFF1E" },
  { id: "unicode-form-feed-attribute-separator", class: "unicode", markdown: "<img src=x\u000Conerror=alert(1)>" },
];

/** 10. DoS-shaped, but small enough to render in a browser test (the big ones live in the fuzz test). */
const dos: XssPayload[] = [
  { id: "dos-500-open-brackets", class: "dos", markdown: "[".repeat(500) },
  { id: "dos-200-unclosed-links", class: "dos", markdown: "[a](".repeat(200) },
  { id: "dos-1000-lt", class: "dos", markdown: "<".repeat(1000) },
  { id: "dos-1000-backticks", class: "dos", markdown: "`".repeat(1000) },
  { id: "dos-emphasis-run", class: "dos", markdown: `${"*".repeat(500)}a${"*".repeat(500)}` },
  { id: "dos-underscore-alternation", class: "dos", markdown: "_a".repeat(2000) },
  { id: "dos-200-nested-lists", class: "dos", markdown: Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n") },
  { id: "dos-300-column-table", class: "dos", markdown: `|${" a |".repeat(300)}\n|${"---|".repeat(300)}\n|${" 1 |".repeat(300)}` },
  {
    id: "dos-500-reference-definitions",
    class: "dos",
    markdown: Array.from({ length: 500 }, (_, i) => `[r${i}]: https://example.org/${i}`).join("\n") + "\n\n[r1] [r499]",
  },
  {
    id: "dos-500-footnotes",
    class: "dos",
    markdown: Array.from({ length: 500 }, (_, i) => `a[^${i}]`).join(" ") + "\n\n" + Array.from({ length: 500 }, (_, i) => `[^${i}]: n`).join("\n"),
  },
];

export const XSS_PAYLOADS: XssPayload[] = [
  ...javascriptLinks,
  ...autolinks,
  ...dataUris,
  ...svgMathml,
  ...rawHtml,
  ...mutation,
  ...titleBreakout,
  ...domClobbering,
  ...unicode,
  ...dos,
];
