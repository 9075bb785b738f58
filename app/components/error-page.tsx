import { isRouteErrorResponse, Link, useParams, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FALLBACK_LANGUAGE, isLanguage } from "#app/i18n/languages.ts";

/** 404 and error pages in the reader's language, never with a stack trace. */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const params = useParams();
  const lang = isLanguage(params.lang) ? params.lang : FALLBACK_LANGUAGE;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const notFound = status === 404;
  return (
    <div className="error-page">
      <h1>{notFound ? t("errors.notFoundTitle") : t("errors.errorTitle")}</h1>
      <p>{notFound ? t("errors.notFoundText") : t("errors.errorText")}</p>
      <p className="muted">{t("errors.status", { status })}</p>
      <p>
        <Link to={`/${lang}`}>{t("errors.goHome")}</Link>
      </p>
    </div>
  );
}
