import { contentCounts } from "#app/models/health.server.ts";
import { pendingCount } from "#app/search/outbox.server.ts";
import { searchHealth } from "#app/search/search.server.ts";
import { getDb } from "#app/utils/db.server.ts";

const headers = { "Cache-Control": "no-store" };

/** Database and search status. Search being degraded is reported, not an error: reading still works. */
export function loader() {
  try {
    const content = contentCounts();
    const search = { ...searchHealth(), outboxPending: pendingCount(getDb()) };
    return Response.json({ status: search.status === "degraded" ? "degraded" : "ok", database: "ok", search, content }, { headers });
  } catch (error) {
    // The message only: a stack or a file path in a public endpoint tells attackers too much.
    console.error("healthz: database check failed:", error instanceof Error ? error.message : error);
    return Response.json({ status: "error", database: "unavailable" }, { status: 503, headers });
  }
}
