import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseWithZod } from "@conform-to/zod";
import type { SessionUser } from "#app/auth/session.server.ts";
import { practiceSchema } from "#app/content-types/practice.ts";
import { insertUser } from "#app/models/users.server.ts";
import { issueToken } from "#app/auth/tokens.server.ts";
import { startAppServer, userWithSession, type AppServer } from "#app/testing/app-server.ts";
import { itemInState, makeCity } from "#app/testing/editorial-fixtures.ts";
import { readForm } from "#app/utils/form.server.ts";

/**
 * Hundreds of malformed submissions to every form (security plan T14): whatever arrives, the answer
 * is a 2xx/3xx/4xx, never a 5xx.
 */
let app: AppServer;
let forms: { name: string; path: string; cookie?: string; body: Record<string, string> }[];

beforeAll(async () => {
  app = await startAppServer();
  const city = makeCity(app.db);
  const curator = await userWithSession(app.db, "curator", []);
  const admin = await userWithSession(app.db, "admin", []);
  const contributor = await userWithSession(app.db, "contributor", [city.id]);
  const actors = { contributor: { ...contributor, displayName: "c" } as SessionUser, curator: { ...curator, displayName: "k" } as SessionUser };
  const practice = itemInState(app.db, "practice", "draft", actors);
  const answer = itemInState(app.db, "answer", "in_review", actors);
  const cityItem = itemInState(app.db, "city", "published", actors);
  const invited = insertUser(app.db, { email: "invitee@test.example", displayName: "I", role: "contributor", cityIds: [city.id], passwordHash: null });
  const invitation = issueToken(app.db, invited, "invitation", admin.id);
  const reset = issueToken(app.db, contributor.id, "password_reset", null);
  const text = { title: "A title", summary: "A summary.", body: "A **body**." };
  forms = [
    { name: "login", path: "/en/login", body: { email: contributor.email, password: "wrong-password-123" } },
    { name: "reset request", path: "/en/reset-password", body: { email: contributor.email } },
    { name: "reset", path: `/en/reset-password/${reset}`, body: { password: "short" } },
    { name: "invitation", path: `/en/invitation/${invitation}`, body: { password: "short", displayName: "Name" } },
    { name: "account password", path: "/en/account", cookie: contributor.cookie, body: { intent: "password", currentPassword: "x", password: "y" } },
    { name: "account sessions", path: "/en/account", cookie: contributor.cookie, body: { intent: "end-session", session: "nope" } },
    {
      name: "new practice",
      path: "/en/edit/practices/new",
      cookie: contributor.cookie,
      body: {
        city: city.slug,
        language: "en",
        ...text,
        ongoing: "unknown",
        themes: "housing-homelessness",
        "partners[0].name": "P",
        "partners[0].role": "university",
        "sources[0].title": "S",
        "sources[0].url": "https://example.org",
      },
    },
    {
      name: "new answer",
      path: "/en/edit/answers/new",
      cookie: curator.cookie,
      body: { city: city.slug, question: "x", language: "ko", summary: "S.", body: "B." },
    },
    {
      name: "edit practice",
      path: `/en/edit/practices/${practice.id}`,
      cookie: curator.cookie,
      body: { intent: "save", ...text, ongoing: "yes", startYear: "2010", endYear: "2012", "coCities.pooling": "strong" },
    },
    { name: "preview practice", path: `/en/edit/practices/${practice.id}`, cookie: curator.cookie, body: { intent: "preview", ...text } },
    { name: "edit answer", path: `/en/edit/answers/${answer.id}`, cookie: curator.cookie, body: { intent: "save", summary: "S.", body: "B." } },
    {
      name: "edit city",
      path: `/en/edit/cities/${cityItem.id}`,
      cookie: curator.cookie,
      body: {
        intent: "save",
        name: "N",
        summary: "S.",
        body: "B.",
        hrCityStatus: "declared",
        hrCityBasis: "charter",
        hrCitySince: "2010, 2012",
        population: "1000",
        "facts[0].kind": "charter",
        "facts[0].name": "F",
      },
    },
    { name: "translate practice", path: `/en/edit/practices/${practice.id}/translate/ko`, cookie: curator.cookie, body: { ...text } },
    { name: "translate city", path: `/en/edit/cities/${cityItem.id}/translate/de`, cookie: curator.cookie, body: { name: "N", summary: "S.", body: "B." } },
    { name: "workflow", path: `/en/edit/answers/${answer.id}/workflow`, cookie: curator.cookie, body: { intent: "request_changes", comment: "Fix it." } },
    { name: "restore", path: `/en/edit/practices/${practice.id}/history`, cookie: curator.cookie, body: { revision: "1" } },
    {
      name: "invite",
      path: "/en/admin/users",
      cookie: admin.cookie,
      body: { intent: "invite", email: "new@test.example", role: "contributor", cities: city.slug },
    },
    { name: "role", path: "/en/admin/users", cookie: admin.cookie, body: { intent: "role", user: String(contributor.id), role: "contributor" } },
    { name: "logout", path: "/en/logout", cookie: (await userWithSession(app.db, "contributor", [city.id])).cookie, body: {} },
  ];
}, 120_000);
afterAll(() => app?.stop());

/** One POST on its own connection (no pooling), exactly these bytes; resolves with the status. */
function rawPost(url: string, body: string | Uint8Array, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const data = typeof body === "string" ? Buffer.from(body) : Buffer.from(body);
    const req = http.request(url, { method: "POST", agent: false, headers: { ...headers, "Content-Length": String(data.length) } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    // A server may answer 413 and stop reading before a huge body is sent: the answer still counts.
    req.on("error", reject);
    req.end(data);
  });
}

const enc = (o: Record<string, string>) => new URLSearchParams(o).toString();
const mapValues = (o: Record<string, string>, f: (v: string) => string) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

/** Each mutation turns a valid body into raw bytes and a content type. */
const MUTATIONS: [string, (b: Record<string, string>) => { body: string | Uint8Array; type?: string }][] = [
  ["empty body", () => ({ body: "" })],
  ["empty values", (b) => ({ body: enc(mapValues(b, () => "")) })],
  ["whitespace only", (b) => ({ body: enc(mapValues(b, () => "   \t ")) })],
  ["200 KB values", (b) => ({ body: enc(mapValues(b, () => "x".repeat(200_000 / Math.max(1, Object.keys(b).length)))) })],
  ["1.2 MB body", (b) => ({ body: enc({ ...b, filler: "y".repeat(1_200_000) }) })],
  ["NUL characters", (b) => ({ body: enc(mapValues(b, (v) => `${v}\u0000x\u0000`)) })],
  ["bidi override", (b) => ({ body: enc(mapValues(b, (v) => `\u202E${v}\u202C`)) })],
  ["combining marks and emoji", (b) => ({ body: enc(mapValues(b, (v) => `${v}Z̴̡̛̖͇a̵̡͖̓l̶̢̈g̸͉̈́o̵̥͊ 🌻👩🏽‍⚖️`)) })],
  ["HTML in plain fields", (b) => ({ body: enc(mapValues(b, () => `<script>alert(1)</script><img src=x onerror=alert(1)>`)) })],
  ["every field twice", (b) => ({ body: `${enc(b)}&${enc(mapValues(b, (v) => `${v}-2`))}` })],
  [
    "array-style keys",
    (b) => ({
      body: enc(
        Object.fromEntries(
          Object.entries(b).flatMap(([k, v]) => [
            [`${k}[]`, v],
            [`${k}[0]`, v],
          ]),
        ),
      ),
    }),
  ],
  ["__proto__ keys", (b) => ({ body: `${enc(b)}&__proto__[polluted]=1&__proto__.polluted=1&constructor[prototype][polluted]=1&partners[0].__proto__.x=1` })],
  ["numbers as garbage", (b) => ({ body: enc({ ...b, startYear: "abc", endYear: "1e309", population: "-1", revision: "NaN", user: "1; DROP TABLE users" }) })],
  [
    "wrong enum values",
    (b) => ({
      body: enc({
        ...b,
        language: "xx",
        city: "../../etc/passwd",
        role: "superadmin",
        intent: "drop",
        ongoing: "maybe",
        themes: "nope",
        hrCityStatus: "x",
        "partners[0].role": "king",
      }),
    }),
  ],
  ["sparse row indexes", (b) => ({ body: `${enc(b)}&partners[150].name=x&sources[999999999].url=x&facts[4294967295].name=y` })],
  ["3,000 fields", (b) => ({ body: `${enc(b)}&${Array.from({ length: 3000 }, (_, i) => `f${i}=1`).join("&")}` })],
  ["broken percent-encoding", (b) => ({ body: `${enc(b)}&title=%E0%A4%A&summary=%ZZ%` })],
  ["invalid UTF-8 bytes", (b) => ({ body: new Uint8Array([...Buffer.from(`${enc(b)}&title=`), 0xff, 0xfe, 0xc3, 0x28, 0xa0]) })],
  ["JSON body", (b) => ({ body: JSON.stringify({ ...b, __proto__: { polluted: 1 } }), type: "application/json" })],
  ["text/plain garbage", () => ({ body: "\u0000\u0001not a form at all", type: "text/plain" })],
  [
    "multipart with a file",
    (b) => {
      const boundary = "----rce";
      const parts = Object.entries(b).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
      parts.push(
        `--${boundary}\r\nContent-Disposition: form-data; name="body"; filename="../../x.svg"\r\nContent-Type: image/svg+xml\r\n\r\n<svg onload=alert(1)>\r\n--${boundary}--\r\n`,
      );
      return { body: parts.join(""), type: `multipart/form-data; boundary=${boundary}` };
    },
  ],
  ["deeply nested key", (b) => ({ body: `${enc(b)}&a${"[0]".repeat(100)}=1&${"x.".repeat(100)}y=1` })],
  [
    "javascript: URLs",
    (b) => ({
      body: enc({ ...b, "sources[0].title": "t", "sources[0].url": "javascript:alert(1)", website: "javascript:alert(1)", "facts[0].url": "data:text/html,x" }),
    }),
  ],
  ["10 KB field name", (b) => ({ body: `${enc(b)}&${"k".repeat(10_000)}=1` })],
];

describe("malformed submissions", () => {
  it("never answer with a server error", async () => {
    const counts: Record<string, number> = { "2xx": 0, "3xx": 0, "4xx": 0, "5xx": 0 };
    const failures: string[] = [];
    for (const form of forms) {
      for (const [name, mutate] of MUTATIONS) {
        const { body, type } = mutate(form.body);
        const status = await rawPost(app.url + form.path, body, {
          "Content-Type": type ?? "application/x-www-form-urlencoded",
          Origin: app.url,
          "Sec-Fetch-Site": "same-origin",
          ...(form.cookie ? { Cookie: form.cookie } : {}),
        }).catch((error: Error) => {
          throw new Error(`${form.name} / ${name}: ${error.message}`);
        });
        const res = { status };
        const bucket = `${Math.floor(res.status / 100)}xx`;
        counts[bucket] = (counts[bucket] ?? 0) + 1;
        if (res.status >= 500) failures.push(`${form.name} / ${name}: ${res.status}`);
      }
    }
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(
      `malformed submissions: ${total} across ${forms.length} forms → ${Object.entries(counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")}`,
    );
    expect(total).toBeGreaterThanOrEqual(300);
    expect(failures).toEqual([]);
    // And the server still answers normally afterwards.
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it("prototype-polluting keys never reach a parser", async () => {
    const body =
      "title=T&summary=S&body=B&ongoing=unknown&__proto__[polluted]=1&__proto__.polluted=1&constructor[prototype][polluted]=1&partners[0].__proto__.polluted=1";
    const request = new Request("http://x/", { method: "POST", body, headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const form = await readForm(request);
    expect([...form.keys()]).toEqual(["title", "summary", "body", "ongoing"]);
    const result = parseWithZod(form, { schema: practiceSchema({ themes: [], questionTypes: [], udhrArticles: [], sdgs: [], organisations: [] }) });
    expect(result.status).toBe("success");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
