import { diffWordsWithSpace } from "diff";

/** One field that differs between two versions, with word-level pieces for long text. */
export type FieldChange = { field: string; before: string; after: string; pieces?: { value: string; added?: boolean; removed?: boolean }[] };

/** Flattens a snapshot into "path → text" pairs: translations.ko.title, partners[1].name, themes … */
export function flatten(value: unknown, path = "", out: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== "object" || v === null)) out[path] = value.join(", ");
    else value.forEach((v, i) => flatten(v, `${path}[${i + 1}]`, out));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, path ? `${path}.${k}` : k, out);
  } else if (value !== null && value !== undefined && value !== "") {
    out[path] = String(value);
  }
  return out;
}

/** Word-level diffs are for reading; beyond these sizes, before and after are shown whole instead. */
const MAX_WORD_DIFF_CHARS = 40_000;
const MAX_EDIT_LENGTH = 2_000;

/** Field-level differences from `before` to `after` (either may be missing: a first version). */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before ?? {});
  const b = flatten(after ?? {});
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const x = a[field] ?? "";
    const y = b[field] ?? "";
    if (x === y) continue;
    const long = x.length > 80 || y.length > 80;
    // maxEditLength bounds the work: for very different texts the diff gives up (undefined) quickly.
    const words = long && x && y && x.length + y.length <= MAX_WORD_DIFF_CHARS ? diffWordsWithSpace(x, y, { maxEditLength: MAX_EDIT_LENGTH }) : undefined;
    changes.push({ field, before: x, after: y, pieces: words?.map((p) => ({ value: p.value, added: p.added || undefined, removed: p.removed || undefined })) });
  }
  return changes;
}
