import { describe, expect, it } from "vitest";
import { generateTOTP } from "@oslojs/otp";
import { matchTotp, newTotpKey, TOTP_PERIOD_S, totpCode, totpUri } from "./totp.server.ts";

describe("TOTP", () => {
  const key = newTotpKey();
  const now = Date.UTC(2026, 10, 25, 12, 0, 10);
  const step = Math.floor(now / 1000 / TOTP_PERIOD_S);

  it("agrees with the reference implementation and accepts one step of clock drift either way", () => {
    // Same code as @oslojs/otp's own TOTP for the current time (allowing for a step boundary between the calls).
    const before = totpCode(key);
    const reference = generateTOTP(key, TOTP_PERIOD_S, 6);
    expect([before, totpCode(key)]).toContain(reference);
    expect(matchTotp(key, totpCode(key, now), null, now)).toBe(step);
    expect(matchTotp(key, totpCode(key, now - 30_000), null, now)).toBe(step - 1);
    expect(matchTotp(key, totpCode(key, now + 30_000), null, now)).toBe(step + 1);
    expect(matchTotp(key, totpCode(key, now - 90_000), null, now)).toBeNull();
    expect(matchTotp(key, totpCode(key, now).replace(/^(\d{3})/, "$1 "), null, now)).toBe(step);
  });

  it("never accepts a code twice, nor an older one after a newer one, nor garbage", () => {
    expect(matchTotp(key, totpCode(key, now), step, now)).toBeNull();
    expect(matchTotp(key, totpCode(key, now - 30_000), step, now)).toBeNull();
    for (const bad of ["", "12345", "1234567", "abcdef", "١٢٣٤٥٦", "000000 "]) {
      if (bad.trim() === totpCode(key, now)) continue;
      expect(matchTotp(key, bad, null, now)).toBeNull();
    }
  });

  it("gives authenticator apps a standard otpauth URI", () => {
    expect(totpUri("a@b.example", key)).toMatch(/^otpauth:\/\/totp\/Rights%20Cities%20Exchange:a%40b\.example\?.*secret=[A-Z2-7]+/);
  });
});
