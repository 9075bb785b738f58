import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LanguageBadge } from "#app/components/content-language-notice.tsx";
import { getT } from "#app/i18n/i18next.server.ts";
import { listToolkits } from "#app/models/toolkits.server.ts";
import { langParam } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

export async function loader({ params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const t = await getT(lang);
  return { lang, toolkits: listToolkits(lang), meta: { title: t("toolkits.title"), description: t("toolkits.intro") } };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function Toolkits() {
  const { lang, toolkits } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("toolkits.title")}</h1>
      <p className="lead">{t("toolkits.intro")}</p>
      <div className="card-grid">
        {toolkits.map((tk) => (
          <article key={tk.slug} className="card">
            <h2 lang={tk.language.shown}>
              <Link to={`/${lang}/toolkits/${tk.slug}`}>{tk.title}</Link>
            </h2>
            <p className="card-meta">
              {t("toolkits.chapterCount", { count: tk.chapterCount })} · {t("toolkits.curator", { curator: tk.curator })}
              <LanguageBadge language={tk.language} />
            </p>
            <p lang={tk.language.shown}>{tk.summary}</p>
          </article>
        ))}
      </div>
    </>
  );
}
