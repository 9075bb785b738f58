import crypto from "node:crypto";
import { audit } from "#app/models/audit.server.ts";
import { cityIdsBySlug, findUserByEmail } from "#app/models/users.server.ts";
import { createUserWithPassword } from "#app/auth/accounts.server.ts";
import { envOrExit } from "#app/utils/env.server.ts";
import { createDb, databasePath } from "#db/client.ts";
import { runMigrations } from "#db/migrate.ts";
import type { Role } from "#db/schema/index.ts";

// For a local trial only (README, "Try editing"): never run this against a real deployment.
// Each account gets a fresh random password, printed once; existing demo accounts are left alone.
const settings = envOrExit();
if (settings.NODE_ENV === "production" && !settings.ALLOW_DEMO_ACCOUNTS) {
  console.error("demo accounts are for local trials; refusing with NODE_ENV=production (set ALLOW_DEMO_ACCOUNTS=1 to override)");
  process.exit(1);
}

const DEMO: { email: string; name: string; role: Role; cities: string[] }[] = [
  { email: "admin@demo.local", name: "Demo administrator", role: "admin", cities: [] },
  { email: "curator@demo.local", name: "Demo network organiser", role: "curator", cities: [] },
  { email: "gwangju@demo.local", name: "Demo Gwangju contributor", role: "contributor", cities: ["gwangju"] },
  { email: "utrecht@demo.local", name: "Demo Utrecht contributor", role: "contributor", cities: ["utrecht"] },
];

const db = createDb(databasePath(settings));
runMigrations(db);
for (const d of DEMO) {
  if (findUserByEmail(db, d.email)) {
    console.log(`${d.email.padEnd(22)} exists already (unchanged)`);
    continue;
  }
  const cityIds = [...cityIdsBySlug(db, d.cities).values()];
  if (d.cities.length && cityIds.length !== d.cities.length) {
    console.error(`${d.email}: import the content first (npm run content:import)`);
    process.exit(1);
  }
  const password = `demo-${crypto.randomBytes(9).toString("base64url")}`;
  const id = await createUserWithPassword(db, { email: d.email, displayName: d.name, role: d.role, cityIds, password });
  audit(db, { action: "user.create", outcome: "ok", targetType: "user", targetId: id, detail: { role: d.role, via: "demo-accounts" } });
  console.log(`${d.email.padEnd(22)} ${d.role.padEnd(12)} password: ${password}`);
}
db.$client.close();
