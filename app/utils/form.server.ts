/** Keys that would reach Object.prototype if a parser ever assigned them as paths. */
const POLLUTING = /(^|[.[\]])(__proto__|constructor|prototype)([.[\]]|$)/;

/**
 * The submitted form, or a 400 for bodies that are not forms. Keys that could pollute prototypes
 * are dropped before any parser sees them.
 */
export async function readForm(request: Request): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Bad Request: expected a form", { status: 400 });
  }
  const clean = new FormData();
  for (const [key, value] of form) {
    if (POLLUTING.test(key)) continue;
    clean.append(key, typeof value === "string" ? value : "");
  }
  return clean;
}

/** One string field, or null when it is missing, repeated or not text. */
export function single(form: FormData, name: string): string | null {
  const all = form.getAll(name);
  return all.length === 1 && typeof all[0] === "string" ? all[0] : null;
}
