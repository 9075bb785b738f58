import { parseArgs } from "node:util";
import { passwordProblem } from "#app/auth/password.server.ts";
import { audit } from "#app/models/audit.server.ts";
import { cityIdsBySlug, insertUser, UserError } from "#app/models/users.server.ts";
import { createUserWithPassword } from "#app/auth/accounts.server.ts";
import { issueToken } from "#app/auth/tokens.server.ts";
import { envOrExit } from "#app/utils/env.server.ts";
import { publicOrigin } from "#app/utils/http.server.ts";
import { createDb, databasePath } from "#db/client.ts";
import { runMigrations } from "#db/migrate.ts";
import { ROLES, type Role } from "#db/schema/index.ts";

const USAGE = `Usage: npm run user:create -- --email someone@example.org --role admin|curator|contributor
         [--city utrecht --city graz]   (contributors: one or more cities, by slug)
         [--name "Display name"]
         [--password-stdin]             (read the password from standard input instead of printing a link)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(1);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        email: { type: "string" },
        role: { type: "string" },
        city: { type: "string", multiple: true, default: [] },
        name: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
      },
      strict: true,
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
})();

const email = values.email?.trim() ?? "";
if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail("--email: a valid email address is required");
if (!ROLES.includes(values.role as Role)) fail(`--role: one of ${ROLES.join(", ")} is required`);
const role = values.role as Role;
if (role === "contributor" && values.city.length === 0) fail("--city: a contributor needs at least one city");

const db = createDb(databasePath(envOrExit()));
runMigrations(db);
const found = cityIdsBySlug(db, values.city);
const unknown = values.city.filter((c) => !found.has(c));
if (unknown.length) fail(`--city: unknown city ${unknown.map((c) => `"${c}"`).join(", ")} (import the content first: npm run content:import)`);
const input = { email, displayName: values.name?.trim() || email.split("@")[0]!, role, cityIds: [...found.values()] };

try {
  if (values["password-stdin"]) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const password = Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, "");
    const problem = passwordProblem(password, [email, input.displayName]);
    if (problem) fail(`password refused: ${problem.replace("_", " ")} (12 to 256 characters, not a common password)`);
    const id = await createUserWithPassword(db, { ...input, password });
    audit(db, { action: "user.create", outcome: "ok", targetType: "user", targetId: id, detail: { role, via: "cli" } });
    console.log(`created ${role} ${email} (id ${id}); they can sign in now`);
  } else {
    const id = insertUser(db, { ...input, passwordHash: null });
    const token = issueToken(db, id, "invitation", null);
    audit(db, { action: "user.create", outcome: "ok", targetType: "user", targetId: id, detail: { role, via: "cli" } });
    const base = publicOrigin();
    console.log(`created ${role} ${email} (id ${id})`);
    console.log(`Single-use link to set the password (valid 7 days; give it to them privately):\n${base}/en/invitation/${token}`);
  }
} catch (error) {
  if (error instanceof UserError) fail(error.code === "email_taken" ? `--email: ${email} already has an account` : error.code);
  throw error;
} finally {
  db.$client.close();
}
