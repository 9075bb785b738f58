import type { Segment } from "#app/search/highlight.ts";

/** Matched words as <mark>, everything as React text: content never reaches the page as HTML. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}
