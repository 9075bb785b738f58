import { contentCounts } from "#app/models/health.server.ts";

const headers = { "Cache-Control": "no-store" };

export function loader() {
  try {
    return Response.json({ status: "ok", database: "ok", content: contentCounts() }, { headers });
  } catch (error) {
    // The message only: a stack or a file path in a public endpoint tells attackers too much.
    console.error("healthz: database check failed:", error instanceof Error ? error.message : error);
    return Response.json({ status: "error", database: "unavailable" }, { status: 503, headers });
  }
}
