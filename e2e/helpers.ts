import fs from "node:fs";
import path from "node:path";

type Tree = { [key: string]: string | Tree };

/** UI strings exactly as a locale file has them, so tests check real translations, not copies. */
export function ui(lang: string, key: string, vars: Record<string, string | number> = {}): string {
  const tree = JSON.parse(fs.readFileSync(path.join("locales", lang, "common.json"), "utf8")) as Tree;
  const value = key.split(".").reduce<string | Tree | undefined>((node, part) => (typeof node === "object" ? node[part] : undefined), tree);
  if (typeof value !== "string") throw new Error(`no string ${key} in ${lang}`);
  return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}
