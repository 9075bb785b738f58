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

/** Paths in audit rows are cut here (a client chooses their length), marked with `pathTruncated`. */
export const AUDIT_PATH_MAX = 200;

export function auditPath(pathname: string): { path: string; pathTruncated?: true } {
  return pathname.length <= AUDIT_PATH_MAX ? { path: pathname } : { path: `${pathname.slice(0, AUDIT_PATH_MAX)}…`, pathTruncated: true };
}

/** Denial rows per client address per minute; beyond that they are counted in one summary row. */
export const DENIALS_PER_MINUTE = 10;
const WINDOW_MS = 60_000;
type DenialWindow = { start: number; written: number; suppressed: number; summaryId: number | null };
const denialWindows = new Map<string, DenialWindow>();
let lastSweep = 0;

const summaryDetail = (w: DenialWindow) => ({
  reason: "too many denials from this address",
  windowStart: new Date(w.start).toISOString(),
  suppressed: w.suppressed,
});

/** The exact count goes into the summary row once its minute is over. */
function closeWindow(db: DB, w: DenialWindow) {
  if (w.summaryId !== null && w.suppressed > 1)
    db.update(auditLog)
      .set({ detail: summaryDetail(w) })
      .where(eq(auditLog.id, w.summaryId))
      .run();
}

/**
 * A denied request, rate-limited per address: a client that provokes denials in a loop gets at most
 * DENIALS_PER_MINUTE rows a minute, plus one `audit.suppressed` row that counts the rest. (Anonymous
 * "please sign in" redirects are not audited at all: see deny() in auth.server.ts.)
 */
export function auditDenial(db: DB, e: Omit<AuditEntry, "outcome">, now = Date.now()): void {
  if (now - lastSweep >= WINDOW_MS) {
    lastSweep = now;
    for (const [key, w] of denialWindows) {
      if (now - w.start < WINDOW_MS) continue;
      closeWindow(db, w);
      denialWindows.delete(key);
    }
  }
  const key = e.ip ?? "";
  let w = denialWindows.get(key);
  if (w && now - w.start >= WINDOW_MS) {
    closeWindow(db, w);
    w = undefined;
  }
  if (!w) {
    w = { start: now, written: 0, suppressed: 0, summaryId: null };
    denialWindows.set(key, w);
  }
  if (w.written < DENIALS_PER_MINUTE) {
    w.written++;
    audit(db, { ...e, outcome: "denied" });
    return;
  }
  w.suppressed++;
  if (w.summaryId === null) {
    w.summaryId = db
      .insert(auditLog)
      .values({ action: "audit.suppressed", outcome: "denied", ip: e.ip ?? null, detail: summaryDetail(w) })
      .returning({ id: auditLog.id })
      .get().id;
  } else if ((w.suppressed & (w.suppressed - 1)) === 0) {
    // Kept roughly current while the flood lasts (at 2, 4, 8, … rows: a handful of small updates).
    closeWindow(db, w);
  }
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
