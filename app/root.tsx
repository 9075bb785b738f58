import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { detectLanguage } from "./i18n/i18next.server.ts";
import { useI18nInstance } from "./i18n/instance.ts";
import { FALLBACK_LANGUAGE, isLanguage, LANGUAGES, pathInLanguage } from "./i18n/languages.ts";
import { resources } from "./i18n/resources.server.ts";
import { publicOrigin } from "./utils/http.server.ts";
import stylesheet from "./styles/app.css?url";
import { useNonce } from "./utils/nonce.tsx";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = isLanguage(params.lang) ? params.lang : await detectLanguage(request);
  // Never from the request's Host header, which a client can set to anything.
  const origin = publicOrigin();
  return { lang, strings: resources[lang].common, origin };
}

// The strings only change with the language; don't refetch them on every navigation.
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentParams, nextParams }) => currentParams.lang !== nextParams.lang;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const lang = data?.lang ?? FALLBACK_LANGUAGE;
  const onLanguagePage = isLanguage(location.pathname.split("/")[1]);
  const nonce = useNonce();
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {data && onLanguagePage
          ? [...LANGUAGES, "x-default" as const].map((l) => (
              <link
                key={l}
                rel="alternate"
                hrefLang={l}
                href={`${data.origin}${pathInLanguage(location.pathname, l === "x-default" ? FALLBACK_LANGUAGE : l)}${location.search}`}
              />
            ))
          : null}
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root")!;
  const i18n = useI18nInstance(data.lang, data.strings);
  return (
    <I18nextProvider i18n={i18n}>
      <Outlet />
    </I18nextProvider>
  );
}

/** Last resort, when even the layout could not render: no stack traces, no translations needed. */
export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <main className="error-page">
      <h1>{status === 404 ? "Page not found" : "Something went wrong"}</h1>
      <p>Error {status}</p>
      <p>
        <a href="/">Rights Cities Exchange</a>
      </p>
    </main>
  );
}
