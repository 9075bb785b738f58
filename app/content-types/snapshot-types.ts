import type { Language } from "#app/i18n/languages.ts";
import type { CITY_FACT_KINDS, COALITION_ROLES, ORGANISATION_KINDS, PARTNER_FORMALITIES, PARTNER_ROLES } from "#app/domain/enums.ts";
import type { BasisClaim, Certainty, SinceClaim } from "#app/domain/hr-city.ts";
import type { CoCitiesDimension, CoCitiesLevel } from "#app/domain/co-cities.ts";

/** The whole editable state of an item, as stored in a revision. Plain JSON. */
export type SourceRow = { title: string; url: string };

export type PracticeText = { title: string; summary: string; bodyMd: string; outcomes: string[]; continuity: string | null };
export type PracticeSnapshot = {
  slug: string;
  cityId: number;
  originalLanguage: Language;
  startYear: number | null;
  endYear: number | null;
  ongoing: boolean | null;
  coCities: Partial<Record<CoCitiesDimension, CoCitiesLevel>>;
  themes: string[];
  questionTypes: string[];
  udhrArticles: string[];
  sdgs: string[];
  /** `organisationId` links a partner to its organisation page; older snapshots lack it (read as null). */
  partners: {
    name: string;
    role: (typeof PARTNER_ROLES)[number];
    formality: (typeof PARTNER_FORMALITIES)[number] | null;
    organisationId?: number | null;
  }[];
  sources: SourceRow[];
  translations: Partial<Record<Language, PracticeText>>;
};

export type AnswerText = { summary: string; bodyMd: string };
export type AnswerSnapshot = {
  questionId: number;
  cityId: number;
  originalLanguage: Language;
  sources: SourceRow[];
  translations: Partial<Record<Language, AnswerText>>;
};

export type CityText = { name: string; summary: string; bodyMd: string };
export type CitySnapshot = {
  originalLanguage: Language;
  country: string;
  population: number | null;
  populationYear: number | null;
  populationSource: string | null;
  hrCityStatus: "declared" | "no-formal-declaration";
  /** Since when and how, as the sources say it (app/domain/hr-city.ts); the plain columns are derived on writing. */
  hrCitySinceCertainty: Certainty;
  hrCitySinceClaims: SinceClaim[];
  hrCityBasisCertainty: Certainty;
  hrCityBasisClaims: BasisClaim[];
  website: string | null;
  facts: { kind: (typeof CITY_FACT_KINDS)[number]; name: string; since: string | null; url: string | null }[];
  sources: SourceRow[];
  translations: Partial<Record<Language, CityText>>;
};

export type OrganisationText = { name: string; bodyMd: string };
export type OrganisationSnapshot = {
  slug: string;
  cityId: number | null;
  originalLanguage: Language;
  kind: (typeof ORGANISATION_KINDS)[number];
  themes: string[];
  website: string | null;
  coalitionRole: (typeof COALITION_ROLES)[number] | null;
  coalitionSince: number | null;
  sources: SourceRow[];
  translations: Partial<Record<Language, OrganisationText>>;
};

export type Snapshot = PracticeSnapshot | AnswerSnapshot | CitySnapshot | OrganisationSnapshot;
