/** The five dimensions of the Co-Cities framework and the levels we record (no DB imports: used in the UI). */
export const CO_CITIES_DIMENSIONS = ["urban_co_governance", "enabling_state", "pooling", "experimentalism", "tech_justice"] as const;
export const CO_CITIES_LEVELS = ["strong", "moderate", "weak"] as const;
export type CoCitiesDimension = (typeof CO_CITIES_DIMENSIONS)[number];
export type CoCitiesLevel = (typeof CO_CITIES_LEVELS)[number];
