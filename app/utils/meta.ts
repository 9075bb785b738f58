import type { MetaDescriptor } from "@remix-run/node";

export const SITE_NAME = "Rights Cities Exchange";

export function pageMeta(data: { meta?: { title: string; description?: string } } | undefined): MetaDescriptor[] {
  if (!data?.meta) return [{ title: SITE_NAME }];
  const title = data.meta.title === SITE_NAME ? SITE_NAME : `${data.meta.title} · ${SITE_NAME}`;
  const tags: MetaDescriptor[] = [{ title }, { property: "og:title", content: title }];
  if (data.meta.description) {
    tags.push({ name: "description", content: data.meta.description }, { property: "og:description", content: data.meta.description });
  }
  return tags;
}
