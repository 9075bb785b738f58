import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { DB } from "#db/client.ts";
import * as s from "#db/schema/index.ts";

type Tx = Pick<DB, "select" | "update">;

/**
 * Practice slugs (ADR 007). A draft gets a provisional slug, its title plus a random part, that
 * depends on no other item: a "-2" because some hidden draft of another city already had the title
 * would tell its author that the draft exists. The final slug, the title alone or with the next
 * free number, is chosen when the practice is first published, and then never changes (its URL is
 * cited). Only slugs that were ever public, or came from the content files, hold a title's slug.
 */
const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
const PROVISIONAL = /--[a-z2-7]{8}$/;

/** The readable part of a slug, from a title; titles in other scripts fall back to the city slug. */
export function slugRoot(title: string, citySlug: string, fallback = `${citySlug}-practice`): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return base.length >= 3 ? base : fallback;
}

export const isProvisionalSlug = (slug: string) => PROVISIONAL.test(slug);

const taken = (db: Tx, slug: string) => Boolean(db.select({ id: s.practices.id }).from(s.practices).where(eq(s.practices.slug, slug)).get());

/** `root--xxxxxxxx`: 40 random bits (titles never give "--", so it cannot meet a final slug). */
function provisional(root: string, isTaken: (slug: string) => boolean): string {
  for (;;) {
    const slug = `${root}--${Array.from(crypto.randomBytes(8), (b) => ALPHABET[b % 32]).join("")}`;
    if (!isTaken(slug)) return slug;
  }
}

/** A new draft's slug. */
export function draftSlug(db: Tx, title: string, citySlug: string): string {
  return provisional(slugRoot(title, citySlug), (slug) => taken(db, slug));
}

/**
 * On first publication: the title's slug, or the next free number. A slug is free unless a practice
 * that was ever published (or imported) holds it; a never-published draft created in the app holding
 * it (slugs before provisional ones existed) is given a provisional slug instead, since nobody outside
 * could have seen it. Practices published before, or without a provisional slug, keep theirs.
 */
export function finalizeSlug(db: Tx, id: number): void {
  const p = db
    .select({ slug: s.practices.slug, publishedAt: s.practices.publishedAt, originalLanguage: s.practices.originalLanguage, citySlug: s.cities.slug })
    .from(s.practices)
    .innerJoin(s.cities, eq(s.cities.id, s.practices.cityId))
    .where(eq(s.practices.id, id))
    .get();
  if (!p || p.publishedAt || !isProvisionalSlug(p.slug)) return;
  const title =
    db
      .select({ title: s.practiceTranslations.title })
      .from(s.practiceTranslations)
      .where(and(eq(s.practiceTranslations.practiceId, id), eq(s.practiceTranslations.lang, p.originalLanguage)))
      .get()?.title ?? "";
  const root = slugRoot(title, p.citySlug);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    const holder = db
      .select({ id: s.practices.id, status: s.practices.status, publishedAt: s.practices.publishedAt })
      .from(s.practices)
      .where(eq(s.practices.slug, candidate))
      .get();
    if (holder && holder.id !== id) {
      const createdInApp = db
        .select({ id: s.reviewEvents.id })
        .from(s.reviewEvents)
        .where(and(eq(s.reviewEvents.entityType, "practice"), eq(s.reviewEvents.entityId, holder.id), eq(s.reviewEvents.action, "create")))
        .get();
      if (holder.publishedAt || holder.status === "published" || !createdInApp) continue;
      db.update(s.practices)
        .set({ slug: provisional(candidate, (slug) => taken(db, slug)) })
        .where(eq(s.practices.id, holder.id))
        .run();
    }
    db.update(s.practices).set({ slug: candidate }).where(eq(s.practices.id, id)).run();
    return;
  }
}

/**
 * An organisation created in the app starts with a provisional slug (its name plus a random part,
 * for the same reason as practices); on first publication it gets its name's slug, or the next free number.
 */
export function finalizeOrganisationSlug(db: Tx, id: number): void {
  const o = db
    .select({ slug: s.organisations.slug, publishedAt: s.organisations.publishedAt, originalLanguage: s.organisations.originalLanguage })
    .from(s.organisations)
    .where(eq(s.organisations.id, id))
    .get();
  if (!o || o.publishedAt || !isProvisionalSlug(o.slug)) return;
  const name = db
    .select({ name: s.organisationTranslations.name })
    .from(s.organisationTranslations)
    .where(and(eq(s.organisationTranslations.organisationId, id), eq(s.organisationTranslations.lang, o.originalLanguage)))
    .get()?.name;
  const root = slugRoot(name ?? "", "", "organisation");
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    if (!organisationSlugTaken(db, candidate)) {
      db.update(s.organisations).set({ slug: candidate }).where(eq(s.organisations.id, id)).run();
      return;
    }
  }
}

const organisationSlugTaken = (db: Tx, slug: string) =>
  Boolean(db.select({ id: s.organisations.id }).from(s.organisations).where(eq(s.organisations.slug, slug)).get());

/** A new organisation's provisional slug. */
export function draftOrganisationSlug(db: Tx, name: string): string {
  return provisional(slugRoot(name, "", "organisation"), (slug) => organisationSlugTaken(db, slug));
}
