import type { Role } from "#db/schema/accounts.ts";
import { GLOBAL_MATRIX, ITEM_MATRIX, type GlobalAction, type ItemAction, type ItemState, type ItemType, type Subject } from "./permissions.ts";

export type Actor = { id: number; role: Role; cityIds: number[] } | null;
export type ItemResource = { type: ItemType; cityId: number; state: ItemState };
export type Decision = { allowed: true } | { allowed: false; reason: string };

export function subjectFor(actor: Actor, cityId: number): Subject {
  if (!actor) return "anonymous";
  if (actor.role === "contributor") return actor.cityIds.includes(cityId) ? "contributor_own" : "contributor_other";
  return actor.role;
}

/**
 * The one authorisation check. Every loader and action that touches editorial data calls it;
 * the answer comes from the checked-in matrix in permissions.ts, and whatever it does not name is denied.
 */
export function authorize(actor: Actor, action: ItemAction, resource: ItemResource): Decision;
export function authorize(actor: Actor, action: GlobalAction, resource?: { cityId?: number }): Decision;
export function authorize(actor: Actor, action: ItemAction | GlobalAction, resource?: Partial<ItemResource>): Decision {
  if (Object.hasOwn(ITEM_MATRIX, action)) {
    if (!resource || resource.cityId === undefined || !resource.state) return { allowed: false, reason: "no resource" };
    const subject = subjectFor(actor, resource.cityId);
    const states = ITEM_MATRIX[action as ItemAction][subject];
    return states?.includes(resource.state)
      ? { allowed: true }
      : { allowed: false, reason: `${subject} may not ${action} a ${resource.state} ${resource.type}` };
  }
  const roles = Object.hasOwn(GLOBAL_MATRIX, action) ? (GLOBAL_MATRIX[action as GlobalAction] as readonly string[]) : undefined;
  const role = actor?.role ?? "anonymous";
  if (!roles?.includes(role)) return { allowed: false, reason: `${role} may not ${action}` };
  // A contributor creates only for a city they belong to.
  if (actor?.role === "contributor" && resource?.cityId !== undefined && !actor.cityIds.includes(resource.cityId)) {
    return { allowed: false, reason: `contributor is not a member of city ${resource.cityId}` };
  }
  return { allowed: true };
}
