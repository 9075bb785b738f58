import { notFound } from "#app/utils/http.server.ts";

// Any path under a language that no route knows: a 404 in the reader's language.
export function loader() {
  notFound();
}

export default function NotFound() {
  return null;
}
