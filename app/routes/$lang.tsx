import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, NavLink, Outlet, useLoaderData, useLocation, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "#app/components/error-page.tsx";
import { getUser } from "#app/auth/auth.server.ts";
import { SITE_NAME } from "#app/utils/meta.ts";
import { detectLanguage } from "#app/i18n/i18next.server.ts";
import { ENDONYMS, isLanguage, LANGUAGES, pathInLanguage, type Language } from "#app/i18n/languages.ts";

/** "fr", "nl-BE", "EN" look like a language; "practices" does not. */
const LOOKS_LIKE_LANGUAGE = /^[a-z]{2}(?:[-_][a-z0-9]{2,8})?$/i;

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (isLanguage(params.lang)) {
    const user = getUser(request);
    return { user: user ? { name: user.displayName } : null };
  }
  const url = new URL(request.url);
  const segment = params.lang ?? "";
  const base = segment.slice(0, 2).toLowerCase();
  // An unsupported or mistyped language goes to the closest supported one; a path without a
  // language gets the reader's preferred language in front of it.
  const target: Language = LOOKS_LIKE_LANGUAGE.test(segment) && isLanguage(base) ? base : await detectLanguage(request);
  const rest = url.pathname
    .split("/")
    .slice(LOOKS_LIKE_LANGUAGE.test(segment) ? 2 : 1)
    .join("/");
  throw redirect(`/${target}${rest ? `/${rest}` : ""}${url.search}`, 302);
}

/** Only used when this layout renders the error page: pages under it set their own titles. */
export const meta: MetaFunction = ({ error, matches }) => {
  const strings = (matches.find((m) => m.id === "root")?.data as { strings?: { errors: Record<string, string> } } | undefined)?.strings;
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const title = strings ? (notFound ? strings.errors.notFoundTitle : strings.errors.errorTitle) : "Error";
  return [{ title: `${title} · ${SITE_NAME}` }, { name: "robots", content: "noindex" }];
};

function LanguageSwitcher({ current }: { current: Language }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <nav aria-label={t("site.languageNav")} className="language-switcher">
      <ul>
        {LANGUAGES.map((l) => (
          <li key={l}>
            {l === current ? (
              <span aria-current="true" lang={l}>
                {ENDONYMS[l]}
              </span>
            ) : (
              <Link reloadDocument to={`${pathInLanguage(location.pathname, l)}${location.search}`} hrefLang={l} lang={l}>
                {ENDONYMS[l]}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function HeaderSearch({ lang }: { lang: Language }) {
  const { t } = useTranslation();
  const location = useLocation();
  // The search page has its own, larger box.
  if (location.pathname === `/${lang}/search`) return null;
  return (
    <Form method="get" action={`/${lang}/search`} role="search" className="header-search" aria-label={t("search.headerLabel")}>
      <label htmlFor="header-q" className="visually-hidden">
        {t("search.headerLabel")}
      </label>
      <input id="header-q" type="search" name="q" placeholder={t("search.title")} maxLength={400} />
      <button type="submit">{t("search.submit")}</button>
    </Form>
  );
}

/** Sign in, or the signed-in person's dashboard, account and sign-out (a POST, so links cannot sign anyone out). */
function UserMenu({ lang, user }: { lang: Language; user: { name: string } | null }) {
  const { t } = useTranslation();
  if (!user) {
    return (
      <nav aria-label={t("nav.account")} className="user-menu">
        <Link to={`/${lang}/login`}>{t("nav.signIn")}</Link>
      </nav>
    );
  }
  return (
    <nav aria-label={t("nav.account")} className="user-menu">
      <ul>
        <li>
          <NavLink to={`/${lang}/dashboard`}>{t("nav.dashboard")}</NavLink>
        </li>
        <li>
          <NavLink to={`/${lang}/account`}>{user.name}</NavLink>
        </li>
        <li>
          <Form method="post" action={`/${lang}/logout`}>
            <button type="submit" className="link-button">
              {t("auth.signOut")}
            </button>
          </Form>
        </li>
      </ul>
    </nav>
  );
}

export default function LanguageLayout() {
  const { t } = useTranslation();
  const lang = useParams().lang as Language;
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("site.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to={`/${lang}`} className="brand">
            <span className="brand-mark" aria-hidden="true">
              ◆
            </span>{" "}
            {t("site.name")}
          </Link>
          <UserMenu lang={lang} user={data?.user ?? null} />
          <LanguageSwitcher current={lang} />
        </div>
        <div className="container nav-row">
          <nav aria-label={t("site.mainNav")} className="main-nav">
            <ul>
              {(["practices", "questions", "toolkits", "cities", "organisations", "search"] as const).map((section) => (
                <li key={section}>
                  <NavLink to={`/${lang}/${section}`}>{section === "search" ? t("search.title") : t(`nav.${section}`)}</NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <HeaderSearch lang={lang} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="container">
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("site.footer")}</p>
          <p>
            <a href="/healthz">{t("site.footerHealth")}</a>
          </p>
        </div>
      </footer>
    </>
  );
}

export function ErrorBoundary() {
  const { t } = useTranslation();
  const lang = useParams().lang as Language;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("site.skipToContent")}
      </a>
      <header className="site-header">
        <div className="container header-row">
          <Link to={`/${lang}`} className="brand">
            {t("site.name")}
          </Link>
          <LanguageSwitcher current={lang} />
        </div>
      </header>
      <main id="main" className="container">
        <ErrorPage />
      </main>
    </>
  );
}
