/** Fixed value lists shared by the database schema, the content files and the editing forms (no DB imports: used in the UI). */
export const PARTNER_ROLES = [
  "municipality",
  "civil-society",
  "university",
  "media",
  "business",
  "cultural-institution",
  "national-government",
  "international-organisation",
  "residents",
] as const;
export const PARTNER_FORMALITIES = ["informal", "network", "agreement", "contract", "statutory"] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export type PartnerFormality = (typeof PARTNER_FORMALITIES)[number];

// A city's status, basis and certainties live with their rules in hr-city.ts.
export const CITY_FACT_KINDS = ["institution", "charter", "network", "monitoring"] as const;

/** Account roles, weakest first. */
export const ROLES = ["contributor", "curator", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What kind of body an organisation is (the Utrecht coalition's member overview groups them this way). */
export const ORGANISATION_KINDS = [
  "municipal-body",
  "civil-society",
  "grassroots",
  "research",
  "cultural",
  "business",
  "national-institution",
  "network",
] as const;
/** An organisation's place in its city's human rights coalition, where the sources say it has one. */
export const COALITION_ROLES = ["member", "core-group"] as const;
