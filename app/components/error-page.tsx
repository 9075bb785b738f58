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
  const [title, text] =
    status === 404 || status === 410
      ? [t("errors.notFoundTitle"), t("errors.notFoundText")]
      : status === 403
        ? [t("errors.forbiddenTitle"), t("errors.forbiddenText")]
        : status === 429
          ? [t("errors.tooManyTitle"), t("errors.tooManyText")]
          : [t("errors.errorTitle"), t("errors.errorText")];
  return (
    <div className="error-page">
      <h1>{title}</h1>
      <p>{text}</p>
      <p className="muted">{t("errors.status", { status })}</p>
      <p>
        <Link to={`/${lang}`}>{t("errors.goHome")}</Link>
      </p>
    </div>
  );
}
