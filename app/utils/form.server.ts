/** Keys that would reach Object.prototype if a parser ever assigned them as paths. */
const POLLUTING = /(^|[.[\]])(__proto__|constructor|prototype)([.[\]]|$)/;

/** Repeated rows are few; an index like partners[999999999] would make parsers build huge arrays. */
const MAX_INDEX = 200;
const MAX_FIELDS = 2_000;
const MAX_KEY_LENGTH = 200;

function acceptableKey(key: string): boolean {
  if (key.length > MAX_KEY_LENGTH || POLLUTING.test(key)) return false;
  for (const m of key.matchAll(/\[(\d+)\]/g)) if (Number(m[1]) > MAX_INDEX) return false;
  return true;
}

/**
 * The submitted form, or a 400 for bodies that are not forms or have absurdly many fields. Keys
 * that could pollute prototypes or name absurd row indexes are dropped before any parser sees them.
 */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Bad Request: expected a form", { status: 400 });
  }
  const clean = new FormData();
  let count = 0;
  for (const [key, value] of form) {
    if (++count > MAX_FIELDS) throw new Response("Bad Request: too many fields", { status: 400 });
    if (!acceptableKey(key)) continue;
    clean.append(key, typeof value === "string" ? value : "");
  }
  return clean;
}

/** One string field, or null when it is missing, repeated or not text. */
export function single(form: FormData, name: string): string | null {
  const all = form.getAll(name);
  return all.length === 1 && typeof all[0] === "string" ? all[0] : null;
}
