import { describe, expect, it } from "vitest";
import { safeRedirect } from "./http.server.ts";

describe("safeRedirect", () => {
  it.each([
    ["/en/dashboard", "/en/dashboard"],
    ["/en/edit/practices/3?saved=1#top", "/en/edit/practices/3?saved=1#top"],
    ["//evil.example", "/fallback"],
    ["/\\evil.example", "/fallback"],
    ["/\t/evil.example", "/fallback"],
    ["/%09/evil.example", "/fallback"],
    ["/%5Cevil.example", "/fallback"],
    ["/a\nb", "/fallback"],
    ["/a%0Ab", "/fallback"],
    ["https://evil.example/", "/fallback"],
    ["javascript:alert(1)", "/fallback"],
    ["", "/fallback"],
    [null, "/fallback"],
  ])("%j → %j", (input, expected) => {
    expect(safeRedirect(input, "/fallback")).toBe(expected);
  });
});
