import { useTranslation } from "react-i18next";
import type { Language } from "#app/i18n/languages.ts";
import type { FacetLabels, FacetParam } from "#app/search/facets.ts";
import { countryName } from "#app/utils/format.ts";

/** A facet value's label: countries and languages from Intl and the UI strings, the rest from the page's labels. */
export function useFacetLabel(labels: FacetLabels, lang: Language) {
  const { t } = useTranslation();
  return (facet: FacetParam, value: string): string => {
    if (facet === "country") return countryName(value, lang);
    if (facet === "lang") return t(`languages.${value as Language}`);
    return labels[facet]?.[value] ?? value;
  };
}

export type FacetLabel = ReturnType<typeof useFacetLabel>;
