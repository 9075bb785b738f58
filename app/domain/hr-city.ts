/**
 * How and since when a city is a human rights city, as the sources say it (ADR 003, addendum):
 * each fact has a certainty and a list of claims, every claim a value with the sources that give it.
 *
 * - confirmed: exactly one value (its sources are recommended);
 * - disputed: two or more different values, each with at least one source;
 * - unknown: no value at all (the sources are silent).
 *
 * No imports (shared with db/schema): used by the content import, the editor forms and the pages alike.
 */
export const HR_CITY_STATUSES = ["declared", "no-formal-declaration"] as const;
export const HR_CITY_BASES = ["declaration", "mayor-declaration", "ordinance", "charter", "council-decision", "motion", "civil-society", "none"] as const;
/** What the `hr_city_basis` column may hold: a confirmed basis, or "unknown" when the basis is disputed or not known. */
export const HR_CITY_BASIS_COLUMN = [...HR_CITY_BASES, "unknown"] as const;
/** How sure the sources are about a fact: one value, several that disagree, or none at all. */
export const CERTAINTIES = ["confirmed", "disputed", "unknown"] as const;

export type Certainty = (typeof CERTAINTIES)[number];
export type HrCityBasis = (typeof HR_CITY_BASES)[number];
export type ClaimSource = { title: string; url: string };
export type SinceClaim = { date: string; sources: ClaimSource[] };
export type BasisClaim = { basis: HrCityBasis; sources: ClaimSource[] };

/** Why a certainty does not fit its claims, as an error code the forms translate (null: it fits). */
export type ClaimsProblem = "certainty_one" | "certainty_two" | "certainty_none";

export function claimsProblem(certainty: Certainty, claims: { value: string; sources: number }[]): ClaimsProblem | null {
  const values = new Set(claims.map((c) => c.value));
  if (certainty === "unknown") return claims.length ? "certainty_none" : null;
  if (certainty === "confirmed") return values.size === 1 ? null : "certainty_one";
  return values.size >= 2 && claims.every((c) => c.sources > 0) ? null : "certainty_two";
}

/** The certainty a plain list of values implies, for data written before certainties existed. */
export function impliedCertainty(values: readonly unknown[]): Certainty {
  return values.length === 0 ? "unknown" : values.length === 1 ? "confirmed" : "disputed";
}

/** Claims with the same value merged, in the order each value first appears. */
export function mergeClaims<K extends "date" | "basis", C extends { sources: ClaimSource[] } & Record<K, string>>(key: K, claims: C[]): C[] {
  const out: C[] = [];
  for (const c of claims) {
    const same = out.find((o) => o[key] === c[key]);
    if (!same) out.push({ ...c, sources: [...c.sources] });
    else for (const s of c.sources) if (!same.sources.some((x) => x.url === s.url && x.title === s.title)) same.sources.push(s);
  }
  return out;
}

/** The `hr_city_since` column: the claimed dates (one when confirmed, several when disputed, none when unknown). */
export function sinceDates(claims: SinceClaim[]): string[] {
  return [...new Set(claims.map((c) => c.date))];
}

/** The `hr_city_basis` column: the basis when it is confirmed, "unknown" otherwise, so no reader can take a candidate for the answer. */
export function basisColumn(certainty: Certainty, claims: BasisClaim[]): (typeof HR_CITY_BASIS_COLUMN)[number] {
  return certainty === "confirmed" && claims[0] ? claims[0].basis : "unknown";
}

/** Every stored column of the two facts, the plain ones derived from the claims: what each writer sets. */
export function hrCityColumns(f: { since: { certainty: Certainty; claims: SinceClaim[] }; basis: { certainty: Certainty; claims: BasisClaim[] } }) {
  return {
    hrCitySince: sinceDates(f.since.claims),
    hrCitySinceCertainty: f.since.certainty,
    hrCitySinceClaims: f.since.claims,
    hrCityBasis: basisColumn(f.basis.certainty, f.basis.claims),
    hrCityBasisCertainty: f.basis.certainty,
    hrCityBasisClaims: f.basis.claims,
  };
}

/** The stored columns read back as claims (rows written without claims get them from the plain columns). */
export function readHrCity(row: {
  hrCitySince: string[];
  hrCitySinceCertainty: Certainty;
  hrCitySinceClaims: SinceClaim[];
  hrCityBasis: (typeof HR_CITY_BASIS_COLUMN)[number];
  hrCityBasisCertainty: Certainty;
  hrCityBasisClaims: BasisClaim[];
}) {
  const sinceClaims = row.hrCitySinceClaims.length ? row.hrCitySinceClaims : row.hrCitySince.map((date) => ({ date, sources: [] }));
  const basisClaims =
    row.hrCityBasisClaims.length || row.hrCityBasis === "unknown" || row.hrCityBasisCertainty !== "confirmed"
      ? row.hrCityBasisClaims
      : [{ basis: row.hrCityBasis, sources: [] }];
  return {
    sinceCertainty: row.hrCitySinceCertainty,
    sinceClaims,
    basisCertainty: row.hrCityBasisCertainty,
    basisClaims,
  };
}
