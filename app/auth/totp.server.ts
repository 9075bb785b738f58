import { createTOTPKeyURI, generateHOTP } from "@oslojs/otp";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";

/**
 * Two-step verification with authenticator apps (RFC 6238: 30-second steps, 6 digits). A code is
 * accepted one step early or late for clock drift, and never twice: the step used is remembered.
 */
export const TOTP_PERIOD_S = 30;
const DIGITS = 6;

export function newTotpKey(): Buffer {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  return Buffer.from(key);
}

/** The key as people type it into an app, in groups of four. */
export function displayKey(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key)
    .replace(/(.{4})/g, "$1 ")
    .trim();
}

export function totpUri(email: string, key: Uint8Array): string {
  return createTOTPKeyURI("Rights Cities Exchange", email, key, TOTP_PERIOD_S, DIGITS);
}

export function totpCode(key: Uint8Array, now = Date.now()): string {
  return generateHOTP(key, BigInt(Math.floor(now / 1000 / TOTP_PERIOD_S)), DIGITS);
}

/** The step the code belongs to (newer than `lastStep`), or null. */
export function matchTotp(key: Uint8Array, code: string, lastStep: number | null, now = Date.now()): number | null {
  const typed = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(typed)) return null;
  const current = Math.floor(now / 1000 / TOTP_PERIOD_S);
  for (const step of [current, current - 1, current + 1]) {
    if (lastStep !== null && step <= lastStep) continue;
    const expected = generateHOTP(key, BigInt(step), DIGITS);
    if (constantTimeEqual(new TextEncoder().encode(expected), new TextEncoder().encode(typed))) return step;
  }
  return null;
}
