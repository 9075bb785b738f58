export * from "./columns.ts";
export * from "./taxonomy.ts";
export * from "./cities.ts";
export * from "./practices.ts";
export * from "./questions.ts";
export * from "./toolkits.ts";
export * from "./sources.ts";
export * from "./search.ts";
