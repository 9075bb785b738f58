/**
 * Accounts that exist only in the end-to-end database (created by playwright.config.ts with the
 * real `user:create` CLI). Never used anywhere else.
 */
export const E2E_ACCOUNTS = {
  admin: { email: "admin@e2e.test", password: "e2e-admin-orchard-lantern-71", name: "E2E Admin" },
  curator: { email: "curator@e2e.test", password: "e2e-curator-harbour-violet-38", name: "Mira Curator" },
} as const;
