import { data } from "@remix-run/node";
import { contentCounts } from "#app/models/health.server.ts";

export function loader() {
  try {
    return data({ status: "ok", database: "ok", content: contentCounts() }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("healthz: database check failed", error instanceof Error ? error.message : error);
    return data({ status: "error", database: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
