import { Form, useSubmit } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { SearchParams } from "#app/search/query.ts";
import { HiddenFilters } from "./hidden-filters.tsx";

/** The query box: a GET form that works without JavaScript; with it, results follow the typing. */
export function SearchBox({ base, params }: { base: string; params: SearchParams }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<number | undefined>(undefined);

  // Keep the box in step with the URL (back button), unless the reader is typing in it.
  useEffect(() => {
    if (input.current && document.activeElement !== input.current) input.current.value = params.q;
  }, [params.q]);

  return (
    <Form method="get" action={base} role="search" className="search-form" aria-label={t("search.title")}>
      <label htmlFor="search-q">{t("search.label")}</label>
      <div className="search-row">
        <input
          ref={input}
          id="search-q"
          type="search"
          name="q"
          defaultValue={params.q}
          placeholder={t("search.placeholder")}
          maxLength={400}
          autoComplete="off"
          onChange={(event) => {
            const form = event.currentTarget.form;
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), 300);
          }}
        />
        <HiddenFilters params={params} />
        <button type="submit">{t("search.submit")}</button>
      </div>
    </Form>
  );
}
