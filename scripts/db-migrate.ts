import path from "node:path";
import { envOrExit } from "#app/utils/env.server.ts";
import { createDb, databasePath } from "#db/client.ts";
import { runMigrations } from "#db/migrate.ts";

// npm run db:migrate: apply the committed migrations to DATABASE_PATH (npm start and the import do it too).
const file = databasePath(envOrExit());
const db = createDb(file);
runMigrations(db);
db.$client.close();
console.log(`migrated ${path.relative(process.cwd(), file)}`);
