import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { authorize } from "#app/auth/authorize.ts";
import {
  GLOBAL_ACTIONS,
  GLOBAL_MATRIX,
  ITEM_ACTIONS,
  ITEM_MATRIX,
  ITEM_STATES,
  ITEM_TYPES,
  type GlobalAction,
  type ItemAction,
  type ItemState,
} from "#app/auth/permissions.ts";
import type { SessionUser } from "#app/auth/session.server.ts";
import { setDisabled } from "#app/auth/accounts.server.ts";
import { client, startAppServer, userWithSession, type AppServer } from "#app/testing/app-server.ts";
import { itemFingerprint, itemInState, makeCity } from "#app/testing/editorial-fixtures.ts";
import * as s from "#db/schema/index.ts";

/**
 * The permission matrix (permissions.ts) against the real routes over HTTP: for every subject, item
 * type, state and action, a fresh item in that state, one real request, and a comparison of what
 * happened with what the matrix says. Denied requests must also leave the item exactly as it was.
 */
const SEGMENT = { practice: "practices", answer: "answers", city: "cities", organisation: "organisations" } as const;
const HTTP_SUBJECTS = ["anonymous", "contributor_own", "contributor_other", "curator", "admin", "disabled"] as const;
type HttpSubject = (typeof HTTP_SUBJECTS)[number];

const EDIT_BODY: Record<(typeof ITEM_TYPES)[number], Record<string, string>> = {
  practice: { intent: "save", title: "Edited title", summary: "Edited summary.", body: "Edited body.", ongoing: "unknown" },
  answer: { intent: "save", summary: "Edited summary.", body: "Edited body." },
  city: { intent: "save", name: "Edited City", summary: "Edited summary.", body: "Edited body.", hrCityStatus: "declared", hrCityBasis: "declaration" },
  organisation: {
    intent: "save",
    name: "Edited organisation",
    body: "Edited body.",
    kind: "civil-society",
    themes: "lgbtiq",
    "sources[0].title": "A source",
    "sources[0].url": "https://example.org/source",
  },
};

let app: AppServer;
let users: Record<"contributor" | "other" | "curator" | "admin" | "disabled", Awaited<ReturnType<typeof userWithSession>>>;
let actors: { contributor: SessionUser; curator: SessionUser };
const results: { cell: string; expected: boolean; got: boolean; status: number }[] = [];

beforeAll(async () => {
  app = await startAppServer();
  const otherCity = makeCity(app.db);
  users = {
    contributor: await userWithSession(app.db, "contributor", [makeCity(app.db).id]),
    other: await userWithSession(app.db, "contributor", [otherCity.id]),
    curator: await userWithSession(app.db, "curator", []),
    admin: await userWithSession(app.db, "admin", []),
    disabled: await userWithSession(app.db, "contributor", [otherCity.id]),
  };
  const asActor = (u: (typeof users)["contributor"]): SessionUser => ({ id: u.id, email: u.email, displayName: u.email, role: u.role, cityIds: u.cityIds });
  actors = { contributor: asActor(users.contributor), curator: asActor(users.curator) };
}, 120_000);

afterAll(async () => {
  const mismatches = results.filter((r) => r.expected !== r.got);
  console.log(`permission matrix over HTTP: ${results.length} cells tested, ${mismatches.length} mismatches`);
  await app?.stop();
});

function cookieFor(subject: HttpSubject): string | undefined {
  if (subject === "anonymous") return undefined;
  if (subject === "contributor_own") return users.contributor.cookie;
  if (subject === "contributor_other") return users.other.cookie;
  return users[subject].cookie;
}

/** Allowed = the route did the thing: 200 for pages, a redirect back to the editor for writes. */
function outcome(res: Response, method: "GET" | "POST"): boolean {
  if (res.status === 403 || res.status === 404) return false;
  const location = res.headers.get("Location") ?? "";
  if (res.status === 302 && location.includes("/login")) return false;
  if (method === "GET") return res.status === 200;
  return res.status === 303 && !location.includes("error=");
}

async function requestFor(subject: HttpSubject, type: (typeof ITEM_TYPES)[number], id: number, action: ItemAction) {
  const c = client(app.url, cookieFor(subject));
  const base = `/en/edit/${SEGMENT[type]}/${id}`;
  switch (action) {
    case "view":
      return { res: await c.get(base), method: "GET" as const };
    case "history":
      return { res: await c.get(`${base}/history`), method: "GET" as const };
    case "edit":
      return { res: await c.post(base, EDIT_BODY[type]), method: "POST" as const };
    case "restore":
      return { res: await c.post(`${base}/history`, { revision: "1" }), method: "POST" as const };
    default:
      return { res: await c.post(`${base}/workflow`, { intent: action, comment: "Please add a source." }), method: "POST" as const };
  }
}

describe("item permissions over HTTP", () => {
  beforeAll(() => {
    // The disabled user is a member of every cell's city too, so only "disabled" explains a denial.
    setDisabled(app.db, users.disabled.id, true);
  });

  for (const type of ITEM_TYPES) {
    for (const state of ITEM_STATES) {
      it(`${type} in state ${state}`, async () => {
        const mismatches: string[] = [];
        for (const action of ITEM_ACTIONS) {
          for (const subject of HTTP_SUBJECTS) {
            const item = itemInState(app.db, type, state, actors);
            app.db.insert(s.userCities).values({ userId: users.contributor.id, cityId: item.cityId }).run();
            app.db.insert(s.userCities).values({ userId: users.disabled.id, cityId: item.cityId }).run();
            const matrixSubject = subject === "disabled" ? "anonymous" : subject;
            const expected = Boolean(ITEM_MATRIX[action][matrixSubject]?.includes(state as ItemState));
            const before = itemFingerprint(app.db, type, item.id);
            const { res, method } = await requestFor(subject, type, item.id, action);
            const got = outcome(res, method);
            const unchanged = itemFingerprint(app.db, type, item.id) === before;
            const cell = `${subject} ${action} ${type}/${state}`;
            results.push({ cell, expected, got, status: res.status });
            if (got !== expected) mismatches.push(`${cell}: expected ${expected ? "allow" : "deny"}, got ${res.status} ${res.headers.get("Location") ?? ""}`);
            if (!expected && !unchanged) mismatches.push(`${cell}: denied but the item changed`);
            // The unit check: authorize() agrees with the matrix for the same cell.
            const actor =
              subject === "anonymous" || subject === "disabled"
                ? null
                : {
                    id: 1,
                    role: subject.startsWith("contributor") ? ("contributor" as const) : (subject as "curator" | "admin"),
                    cityIds: subject === "contributor_own" ? [item.cityId] : [],
                  };
            if (authorize(actor, action, { type, cityId: item.cityId, state }).allowed !== expected)
              mismatches.push(`${cell}: authorize() disagrees with the matrix`);
          }
        }
        expect(mismatches).toEqual([]);
      });
    }
  }
});

describe("global permissions over HTTP", () => {
  const GLOBAL_SUBJECTS = ["anonymous", "contributor", "curator", "admin"] as const;
  async function attempt(subject: (typeof GLOBAL_SUBJECTS)[number], action: GlobalAction): Promise<{ got: boolean; status: number }> {
    const cookie = subject === "anonymous" ? undefined : users[subject].cookie;
    const c = client(app.url, cookie);
    const citySlug = app.db.select({ slug: s.cities.slug }).from(s.cities).where(eq(s.cities.id, users.contributor.cityIds[0]!)).get()!.slug;
    const unique = `${Math.random().toString(36).slice(2)}@invitee.example`;
    let res: Response;
    switch (action) {
      case "create_practice":
        res = await c.post("/en/edit/practices/new", {
          city: citySlug,
          language: "en",
          title: "New practice",
          summary: "Summary.",
          body: "Body.",
          ongoing: "unknown",
        });
        return { got: res.status === 303 && /\/en\/edit\/practices\/\d+/.test(res.headers.get("Location") ?? ""), status: res.status };
      case "create_answer": {
        const question = app.db.select({ slug: s.questions.slug }).from(s.questions).all()[Math.floor(Math.random() * 14)]!.slug;
        const city = makeCity(app.db);
        app.db.insert(s.userCities).values({ userId: users.contributor.id, cityId: city.id }).run();
        res = await c.post("/en/edit/answers/new", { city: city.slug, question, language: "en", summary: "Summary.", body: "Body." });
        return { got: res.status === 303 && /\/en\/edit\/answers\/\d+/.test(res.headers.get("Location") ?? ""), status: res.status };
      }
      case "create_organisation": {
        res = await c.post("/en/edit/organisations/new", {
          city: citySlug,
          language: "en",
          name: `New organisation ${Math.random().toString(36).slice(2)}`,
          body: "What it does.",
          kind: "grassroots",
          themes: "lgbtiq",
          "sources[0].title": "A source",
          "sources[0].url": "https://example.org/source",
        });
        return { got: res.status === 303 && /\/en\/edit\/organisations\/\d+/.test(res.headers.get("Location") ?? ""), status: res.status };
      }
      case "dashboard":
        res = await c.get("/en/dashboard");
        return { got: res.status === 200, status: res.status };
      case "review_queue":
        res = await c.get("/en/dashboard");
        return { got: res.status === 200 && (await res.text()).includes('id="queue-h"'), status: res.status };
      case "invite_contributor":
      case "invite_curator":
        res = await c.post("/en/admin/users", {
          intent: "invite",
          email: unique,
          role: action === "invite_curator" ? "curator" : "contributor",
          cities: citySlug,
        });
        return { got: res.status === 200 && app.db.select().from(s.users).where(eq(s.users.email, unique)).get() !== undefined, status: res.status };
      case "manage_users": {
        const victim = await userWithSession(app.db, "contributor", users.contributor.cityIds);
        res = await c.post("/en/admin/users", { intent: "disable", user: String(victim.id) });
        return { got: res.status === 200 && Boolean(app.db.select().from(s.users).where(eq(s.users.id, victim.id)).get()!.disabledAt), status: res.status };
      }
      case "curate": {
        const practice = app.db.select({ id: s.practices.id }).from(s.practices).where(eq(s.practices.status, "published")).get()!;
        res = await c.post("/en/curate", { kind: "practice", featured: String(practice.id) });
        const list = await c.get("/en/curate");
        return { got: res.status === 200 && list.status === 200, status: res.status };
      }
      case "view_audit":
        res = await c.get("/en/admin/audit");
        return { got: res.status === 200, status: res.status };
      case "view_mailbox":
        res = await c.get("/en/admin/mailbox");
        return { got: res.status === 200, status: res.status };
    }
  }

  it("every global action, every role", async () => {
    const mismatches: string[] = [];
    for (const action of GLOBAL_ACTIONS) {
      for (const subject of GLOBAL_SUBJECTS) {
        const expected = (GLOBAL_MATRIX[action] as readonly string[]).includes(subject);
        const { got, status } = await attempt(subject, action);
        results.push({ cell: `${subject} ${action}`, expected, got, status });
        if (got !== expected) mismatches.push(`${subject} ${action}: expected ${expected ? "allow" : "deny"}, got ${status}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("a contributor cannot create for a city they do not belong to", async () => {
    const foreign = makeCity(app.db);
    const res = await client(app.url, users.contributor.cookie).post("/en/edit/practices/new", {
      city: foreign.slug,
      language: "en",
      title: "Sneaky",
      summary: "S.",
      body: "B.",
      ongoing: "unknown",
    });
    expect(res.status).toBe(400);
    expect(app.db.select().from(s.practices).where(eq(s.practices.cityId, foreign.id)).all()).toEqual([]);
  });

  it("names nothing it does not deny: unknown actions and prototype keys are refused", () => {
    const admin = { id: 1, role: "admin" as const, cityIds: [] };
    for (const action of ["delete_everything", "toString", "__proto__", "constructor", "hasOwnProperty"]) {
      expect(authorize(admin, action as GlobalAction).allowed).toBe(false);
      expect(authorize(admin, action as ItemAction, { type: "practice", cityId: 1, state: "draft" }).allowed).toBe(false);
    }
  });
});
