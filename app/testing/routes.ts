import fs from "node:fs";
import path from "node:path";

const ROUTES = path.resolve(import.meta.dirname, "../routes");

/** Remix flat-route file name → URL pattern: "$lang.edit.$type.$id._index.tsx" → "/:lang/edit/:type/:id". */
export function routePattern(file: string): string {
  const segments = file
    .replace(/\.(tsx|ts)$/, "")
    .split(".")
    .filter((s) => s !== "_index" && s !== "route");
  return "/" + segments.map((s) => (s === "$" ? "*" : s.startsWith("$") ? `:${s.slice(1)}` : s)).join("/");
}

/** Every route module of the app with whether it exports a loader and an action, read from the source. */
export function appRoutes(): { file: string; pattern: string; loader: boolean; action: boolean }[] {
  return fs
    .readdirSync(ROUTES)
    .filter((f) => /\.(tsx|ts)$/.test(f))
    .map((file) => {
      const src = fs.readFileSync(path.join(ROUTES, file), "utf8");
      return {
        file,
        pattern: routePattern(file),
        loader: /export (async )?function loader\b/.test(src),
        action: /export (async )?function action\b/.test(src),
      };
    });
}

/** Fills a pattern's parameters: "/:lang/edit/:type/:id" with { lang: "en", … }. */
export function fill(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no value for :${name} in ${pattern}`);
    return params[name]!;
  });
}
