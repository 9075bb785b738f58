import { Link } from "@remix-run/react";
import type { Term } from "#app/models/taxonomy.server.ts";

/** Taxonomy terms as chips; themes link to the practice list filtered by that theme. */
export function TermChips({ terms, hrefFor, label }: { terms: Term[]; hrefFor?: (t: Term) => string; label: string }) {
  if (!terms.length) return null;
  return (
    <ul className="chips" aria-label={label}>
      {terms.map((term) => (
        <li key={term.id}>
          {hrefFor ? (
            <Link className="chip" to={hrefFor(term)}>
              {term.label}
            </Link>
          ) : (
            <span className="chip" title={term.description ?? undefined}>
              {term.label}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
