import { z } from "zod";
import { httpOrigin, httpUrl, trustProxyValue } from "./env-values.server.ts";

/**
 * Every setting the app, the server and the CLIs take from the environment, parsed once with Zod.
 * Defaults are those README.md documents ("Search server", "Other settings"). A bad value stops
 * start-up with a line naming the variable, instead of turning into NaN or a crash much later.
 * Nothing writes back into process.env: what start-up finds out (search keys looked up with the
 * master key, the local search server) is passed on explicitly, see app/search/search-config.server.ts.
 * An empty variable counts as unset, as it always has (`PORT= npm start` uses 3000).
 */
const MAX_TIMER_MS = 2_147_483_647; // Node turns longer timers into 1 ms ones

function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  const expected = max === Number.MAX_SAFE_INTEGER ? `a whole number of at least ${min}` : `a whole number ${min}–${max}`;
  return z
    .string()
    .refine((s) => /^\d+$/.test(s.trim()) && Number(s) >= min && Number(s) <= max, `expected ${expected}`)
    .transform(Number);
}

/** On/off switches are 1 or 0, as README.md writes them (`SEARCH_DISABLED=1`). */
const flag = z
  .string()
  .refine((s) => s.trim() === "1" || s.trim() === "0", "expected 1 or 0")
  .transform((s) => s.trim() === "1")
  .default("0");

function oneOf<const T extends readonly [string, ...string[]]>(values: T, normalise: (s: string) => string = (s) => s.trim()) {
  const expected = `expected ${values.slice(0, -1).join(", ")} or ${values.at(-1)}`;
  return z
    .string()
    .transform(normalise)
    .refine((s): s is T[number] => values.includes(s), expected);
}

const schema = z.object({
  // The web server (server/index.ts) and the links it writes.
  PORT: wholeNumber(1, 65535).default("3000"),
  PUBLIC_URL: httpOrigin.optional(),
  TRUST_PROXY: trustProxyValue.optional(),
  WRITE_RATE_LIMIT: wholeNumber(1).default("120"),
  // Unset means what it meant before: Remix runs in production mode, demo accounts are allowed.
  NODE_ENV: oneOf(["development", "production", "test"]).optional(),
  ALLOW_DEMO_ACCOUNTS: flag,

  DATABASE_PATH: z.string().default("data/app.db"),
  CONTENT_DIR: z.string().default("toolkit-content"),

  // Search: a running Meilisearch (MEILI_URL), else one the app starts itself.
  MEILI_URL: httpUrl.optional(),
  MEILI_ADMIN_KEY: z.string().optional(),
  MEILI_SEARCH_KEY: z.string().optional(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,400}$/, "expected an index name of letters, digits, - and _")
    .default("content"),
  MEILI_PORT: wholeNumber(1, 65535).default("7700"),
  MEILI_DATA_DIR: z.string().default("data/meili"),
  MEILI_BIN: z.string().optional(),
  MEILI_MAX_INDEXING_THREADS: wholeNumber(1, 1024).default("1"),
  MEILI_LOG_LEVEL: oneOf(["OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE"], (s) => s.trim().toUpperCase()).default("ERROR"),
  SEARCH_TIMEOUT_MS: wholeNumber(1, MAX_TIMER_MS).default("1000"),
  SEARCH_SYNC_INTERVAL_MS: wholeNumber(1, MAX_TIMER_MS).default("500"),
  SEARCH_RECONCILE_MS: wholeNumber(1, MAX_TIMER_MS).default("600000"),
  SEARCH_DISABLED: flag,

  // Not ours, only read: where a `meilisearch` binary is looked for.
  PATH: z.string().default(""),
});

export type Env = z.infer<typeof schema>;

/** Values never repeated in an error message. */
const SECRET = new Set(["MEILI_ADMIN_KEY", "MEILI_SEARCH_KEY", "MEILI_MASTER_KEY"]);

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid settings in the environment; fix ${problems.length === 1 ? "it" : "them"} and start again:\n  ${problems.join("\n  ")}`);
  }
}

/** Pure: the settings of a given environment (tests pass their own), or an EnvError naming every bad one. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const given: Record<string, string | undefined> = {};
  for (const name of Object.keys(schema.shape)) {
    const value = source[name];
    given[name] = value === undefined || value.trim() === "" ? undefined : value;
  }
  const result = schema.safeParse(given);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    const got = SECRET.has(name) ? "" : `, got ${JSON.stringify(given[name])}`;
    return `${name}: ${issue.message}${got}`;
  });
  throw new EnvError(problems);
}

let parsed: Env | undefined;

/**
 * This process's settings, parsed on first use and then kept. Entry points call envOrExit() first so
 * that a bad value stops them at once; tests that set process.env do so before anything reads it.
 */
export function env(): Env {
  parsed ??= parseEnv(process.env);
  return parsed;
}

/** For entry points (the server, CLIs): the settings, or the problems on stderr and exit code 1. */
export function envOrExit(): Env {
  try {
    return env();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
