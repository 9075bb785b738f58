import { isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";

export type ParsedFile = {
  /** Path relative to the content root, as shown in error messages. */
  file: string;
  data: unknown;
  body: string;
  /** File line of a front-matter path (the nearest existing node when the path is missing). */
  lineOf: (path: ReadonlyArray<string | number>) => number;
};

export class ContentProblem {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    readonly message: string,
  ) {}
  toString(): string {
    return `${this.file}:${this.line} ${this.field}: ${this.message}`;
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function locate(doc: Document, yamlText: string, firstLine: number) {
  const lineOfNode = (node: unknown) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? firstLine + lineAt(yamlText, range[0]) - 1 : undefined;
  };
  // Walks the path and remembers the deepest line found, so a missing field points at its parent
  // and a present one at its key (not at its value, which may start on the next line).
  return (path: ReadonlyArray<string | number>): number => {
    let node: unknown = doc.contents;
    let line = firstLine;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
        if (!pair) break;
        line = lineOfNode(pair.key) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
        if (!node) break;
        line = lineOfNode(node) ?? line;
      } else break;
    }
    return line;
  };
}

/** Parses a YAML file (taxonomies) keeping line information. */
export function parseYamlFile(file: string, text: string): ParsedFile | ContentProblem {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    return new ContentProblem(file, err.linePos?.[0]?.line ?? 1, "(yaml)", err.message.split("\n")[0]!);
  }
  return { file, data: doc.toJS(), body: "", lineOf: locate(doc, text, 1) };
}

/** Splits `---\nYAML\n---\nMarkdown` and parses the YAML, keeping line information. */
export function parseMarkdownFile(file: string, raw: string): ParsedFile | ContentProblem {
  const text = raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.startsWith("---\n")) {
    return new ContentProblem(file, 1, "(front matter)", "the file must start with a line '---' opening the YAML front matter");
  }
  const end = text.indexOf("\n---", 3);
  const closing = end === -1 ? -1 : text.indexOf("\n", end + 1);
  const closingLine = end === -1 ? "" : text.slice(end + 1, closing === -1 ? undefined : closing);
  if (end === -1 || closingLine.trim() !== "---") {
    return new ContentProblem(file, 1, "(front matter)", "no closing '---' line after the YAML front matter");
  }
  const yamlText = text.slice(4, end + 1);
  const body = closing === -1 ? "" : text.slice(closing + 1);
  const doc = parseDocument(yamlText, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    const err = doc.errors[0]!;
    const line = (err.linePos?.[0]?.line ?? 1) + 1;
    return new ContentProblem(file, line, "(yaml)", err.message.split("\n")[0]!);
  }
  const data = doc.toJS() ?? {};
  return { file, data, body: body.trim(), lineOf: locate(doc, yamlText, 2) };
}
