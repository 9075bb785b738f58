import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { client, startAppServer, userWithSession, type AppServer } from "#app/testing/app-server.ts";
import { makeCity } from "#app/testing/editorial-fixtures.ts";
import * as s from "#db/schema/index.ts";

// Organisations of no one city (national or international bodies) over HTTP: a curator may create
// one; a contributor may not (their organisations belong to their city); none can be a member of a
// city's coalition.

let app: AppServer;
beforeAll(async () => {
  app = await startAppServer();
}, 120_000);
afterAll(async () => app?.stop());

const form = (name: string, extra: Record<string, string> = {}) => ({
  city: "",
  language: "en",
  name,
  body: "A national body.",
  kind: "national-institution",
  themes: "anti-discrimination",
  "sources[0].title": "A source",
  "sources[0].url": "https://example.org/source",
  ...extra,
});
const named = (name: string) =>
  app.db
    .select({ id: s.organisations.id, cityId: s.organisations.cityId })
    .from(s.organisationTranslations)
    .innerJoin(s.organisations, eq(s.organisations.id, s.organisationTranslations.organisationId))
    .where(eq(s.organisationTranslations.name, name))
    .all();

describe("an organisation of no one city", () => {
  it("a curator creates one; only curators can then edit it", async () => {
    const curator = await userWithSession(app.db, "curator", []);
    const res = await client(app.url, curator.cookie).post("/en/edit/organisations/new", form("National body A"));
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toMatch(/\/en\/edit\/organisations\/\d+\?saved=1$/);
    expect(named("National body A")).toEqual([{ id: expect.any(Number), cityId: null }]);
    const id = named("National body A")[0]!.id;
    const contributor = await userWithSession(app.db, "contributor", [makeCity(app.db).id]);
    expect((await client(app.url, contributor.cookie).get(`/en/edit/organisations/${id}`)).status).toBe(403);
    expect((await client(app.url, curator.cookie).get(`/en/edit/organisations/${id}`)).status).toBe(200);
  });

  it("a contributor must name their city: nothing is created without one", async () => {
    const contributor = await userWithSession(app.db, "contributor", [makeCity(app.db).id]);
    const res = await client(app.url, contributor.cookie).post("/en/edit/organisations/new", form("National body B"));
    expect(res.status).toBe(400);
    expect(named("National body B")).toEqual([]);
  });

  it("cannot be a member of a coalition, and says so next to the field", async () => {
    const curator = await userWithSession(app.db, "curator", []);
    const res = await client(app.url, curator.cookie).post("/en/edit/organisations/new", form("National body C", { coalitionRole: "member" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("A coalition is a city’s coalition");
    expect(named("National body C")).toEqual([]);
  });
});
