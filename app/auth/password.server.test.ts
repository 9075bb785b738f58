import { hash } from "@node-rs/argon2";
import * as common from "@zxcvbn-ts/language-common";
import { describe, expect, it } from "vitest";
import { ARGON2_PARAMS, hashPassword, needsRehash, passwordProblem, verifyPassword } from "./password.server.ts";

describe("password hashing", () => {
  it("uses argon2id with the OWASP parameters, set explicitly", async () => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      const h = await hashPassword("tram-lantern-orchard-29");
      times.push(performance.now() - start);
      expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(needsRehash(h)).toBe(false);
    }
    times.sort((a, b) => a - b);
    console.log(`argon2id m=19456 t=2 p=1: hash p50 ${times[2]!.toFixed(0)} ms, max ${times[4]!.toFixed(0)} ms`);
  });

  it("verifies exactly what was typed: no trimming, no case folding", async () => {
    const h = await hashPassword("Tram lantern orchard 29 ");
    expect(await verifyPassword(h, "Tram lantern orchard 29 ")).toBe(true);
    expect(await verifyPassword(h, "Tram lantern orchard 29")).toBe(false);
    expect(await verifyPassword(h, "tram lantern orchard 29 ")).toBe(false);
    expect(await verifyPassword(null, "anything")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });

  it("asks for a rehash when the stored parameters are weaker than today's", async () => {
    const old = await hash("tram-lantern-orchard-29", { ...ARGON2_PARAMS, memoryCost: 4096, timeCost: 1 });
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash("$2b$10$abcdefghijklmnopqrstuv")).toBe(true);
  });
});

describe("password policy", () => {
  const cases: [string, ReturnType<typeof passwordProblem>][] = [
    ["short-pw-11", "too_short"],
    ["a".repeat(11), "too_short"],
    ["lantern-tram", null],
    ["tram-lantern-orchard-29", null],
    ["mit Leerzeichen und Umlauten äöü", null],
    ["인권도시광주의시민참여방식", null],
    ["🌻🚋 night 🌙 river 🐟 lamp", null],
    ["🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻🌻", "too_common"],
    ["correct horse battery staple orchard tram", null],
    ["x".repeat(257), "too_long"],
    ["password1234", "too_common"],
    ["qwertyuiopasdf", "too_common"],
    ["            ", "too_common"],
    ["111111111111", "too_common"],
  ];
  it.each(cases)("%j → %s", (pw, expected) => {
    expect(passwordProblem(pw)).toBe(expected);
  });

  it("accepts passphrases of 64 and 256 characters and counts characters, not bytes", () => {
    const base = "orchard lantern tram quietly sunflower river ";
    expect(passwordProblem(base.repeat(2).slice(0, 64))).toBeNull();
    expect(passwordProblem((base + "the night bus to gwangju ").repeat(4).slice(0, 256))).toBeNull();
    expect(passwordProblem("광주".repeat(128))).not.toBe("too_long");
  });

  it("refuses every common password long enough to pass the length rule, and context words", () => {
    const list = (common.dictionary as Record<string, string[]>)["passwords-common"] ?? [];
    const longEnough = list.filter((p) => [...p].length >= 12);
    const accepted = longEnough.filter((p) => passwordProblem(p) === null);
    console.log(`common passwords ≥ 12 chars in the offline list: ${longEnough.length}, accepted: ${accepted.length}`);
    expect(longEnough.length).toBeGreaterThan(100);
    expect(accepted).toEqual([]);
    // The person's own email, name and cities count as guessable.
    expect(passwordProblem("gwangjugwangju", ["editor@gwangju.example", "gwangju"])).toBe("too_common");
  });
});
