import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { envOrExit } from "#app/utils/env.server.ts";
import { createDb, databasePath } from "#db/client.ts";
import { runMigrations } from "#db/migrate.ts";
import { startSearch, type SearchRuntime } from "./search-setup.ts";
import {
  baseHeaders,
  bodyLimit,
  cspNonce,
  forwardedHeaders,
  hostGuard,
  remixOriginCheck,
  safeMethods,
  sameOriginWrites,
  siteFromEnv,
  writeRateLimit,
} from "./security.ts";

// The production server: Remix on Express, plus the search server and its sync worker, which stop
// when this process stops.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Every setting checked before anything starts: a bad one stops here, naming the variable.
const config = envOrExit();
const port = config.PORT;

// The public origin: PUBLIC_URL, or when it is unset a local-only site at http://localhost:$PORT
// (other Host names get 421). The app's links (publicOrigin()) follow the same rule.
const site = siteFromEnv(config.PUBLIC_URL, port);
if (!site.configured) {
  console.log(
    `PUBLIC_URL is not set: answering only as ${site.publicOrigin} (and 127.0.0.1 or [::1] on port ${port}); set PUBLIC_URL to serve the site under another name`,
  );
}

const db = createDb(databasePath(config));
runMigrations(db);

let search: SearchRuntime | null = null;
if (config.SEARCH_DISABLED) {
  console.log("[search] disabled (SEARCH_DISABLED=1): basic search only");
} else {
  try {
    search = await startSearch(db, config);
  } catch (error) {
    console.error(`[search] ${error instanceof Error ? error.message : String(error)}`);
    console.error("[search] to run without a search server (basic search only), set SEARCH_DISABLED=1");
    process.exit(1);
  }
}

const build = (await import(path.join(root, "build/server/index.js"))) as ServerBuild;
const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy, TRUST_PROXY (e.g. "loopback" or "1") lets req.ip come from X-Forwarded-For;
// without it the header is ignored, so clients cannot pick their address for the rate limits.
if (config.TRUST_PROXY !== undefined) app.set("trust proxy", config.TRUST_PROXY);
app.use(baseHeaders);
app.use(forwardedHeaders);
app.use(hostGuard(site));
app.use(safeMethods);
app.use(compression());
app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "build/client"), { maxAge: "1h" }));
app.use(sameOriginWrites);
app.use(writeRateLimit(config.WRITE_RATE_LIMIT));
app.use(bodyLimit(1_000_000));
app.use(cspNonce);
app.use(remixOriginCheck);
app.all(
  "*",
  createRequestHandler({
    build,
    mode: config.NODE_ENV,
    getLoadContext: (req, res) => ({ ip: req.ip ?? "", cspNonce: res.locals.cspNonce as string }),
  }),
);

const server = app.listen(port, () => console.log(`Rights Cities Exchange on http://localhost:${port}`));

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  server.close();
  await search?.stop();
  db.$client.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
