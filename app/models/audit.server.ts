import { desc, eq, lt } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import { auditLog, users } from "#db/schema/index.ts";

export type AuditEntry = {
  actorId?: number | null;
  action: string;
  outcome: "ok" | "denied" | "failed";
  targetType?: string;
  targetId?: string | number;
  ip?: string;
  /** Never a password, token or hash: callers pass names, ids and reasons only. */
  detail?: Record<string, unknown>;
};

export function audit(db: DB, e: AuditEntry): void {
  db.insert(auditLog)
    .values({
      actorId: e.actorId ?? null,
      action: e.action,
      outcome: e.outcome,
      targetType: e.targetType ?? null,
      targetId: e.targetId === undefined ? null : String(e.targetId),
      ip: e.ip ?? null,
      detail: e.detail ?? null,
    })
    .run();
}

const PAGE = 100;

/** Newest first, a page at a time (`before` = the last id seen). */
export function listAudit(db: DB, before?: number) {
  return db
    .select({ entry: auditLog, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(before ? lt(auditLog.id, before) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(PAGE)
    .all();
}
