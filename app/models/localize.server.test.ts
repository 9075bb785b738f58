import { describe, expect, it } from "vitest";
import { pickTranslation } from "./localize.server.ts";

const rows = [
  { lang: "en" as const, title: "Bed, Bath and Bread" },
  { lang: "nl" as const, title: "Bed, Bad en Brood" },
];

describe("pickTranslation", () => {
  it("uses the reader's language when it exists", () => {
    const picked = pickTranslation(rows, "nl", "en")!;
    expect(picked.text.title).toBe("Bed, Bad en Brood");
    expect(picked.language).toEqual({ shown: "nl", original: "en", isFallback: false, available: ["en", "nl"] });
  });

  it("falls back to the original, and says so", () => {
    const picked = pickTranslation(rows, "ko", "en")!;
    expect(picked.text.title).toBe("Bed, Bath and Bread");
    expect(picked.language.isFallback).toBe(true);
    expect(picked.language.shown).toBe("en");
  });

  it("falls back to the original even when it is not English", () => {
    const picked = pickTranslation(rows, "de", "nl")!;
    expect(picked.language.shown).toBe("nl");
  });

  it("returns null when there is no text at all", () => {
    expect(pickTranslation([], "en", "en")).toBeNull();
  });
});
