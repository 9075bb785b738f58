import { hash, verify } from "@node-rs/argon2";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";

/** OWASP's Argon2id minimum, pinned here instead of trusting library defaults. */
// 2 = Algorithm.Argon2id (a const enum, which isolated modules cannot read).
export const ARGON2_PARAMS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

import { PASSWORD_MAX, PASSWORD_MIN } from "./forms.ts";

export { PASSWORD_MAX, PASSWORD_MIN };
/** zxcvbn score 0–4; below 3 the password is one of the common ones or close to them. */
const MIN_SCORE = 3;

export type PasswordProblem = "too_short" | "too_long" | "too_common";

let checker: ZxcvbnFactory | undefined;
function strength() {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return checker;
}

/**
 * No composition rules: length, then an offline check against common and breached-looking
 * passwords; `context` (email, name, city names) counts as guessable too.
 */
export function passwordProblem(password: string, context: string[] = []): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return "too_short";
  if (length > PASSWORD_MAX) return "too_long";
  const words = context.flatMap((c) => c.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length > 2);
  // zxcvbn's cost grows quickly with length; the first 64 characters decide (a weak start, e.g. a
  // repeated character, stays weak however long it gets).
  return strength().check([...password].slice(0, 64).join(""), words).score < MIN_SCORE ? "too_common" : null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

/** A hash of a throw-away password, verified against for unknown emails so timing gives nothing away. */
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword("not-a-real-password-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** True when the stored hash was made with other parameters than today's (rehash after login). */
export function needsRehash(storedHash: string): boolean {
  const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(storedHash);
  if (!m) return true;
  return Number(m[1]) !== ARGON2_PARAMS.memoryCost || Number(m[2]) !== ARGON2_PARAMS.timeCost || Number(m[3]) !== ARGON2_PARAMS.parallelism;
}
