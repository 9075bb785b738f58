import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PracticeCard } from "#app/components/cards.tsx";
import { PracticeDetail } from "#app/components/practice-detail.tsx";
import { editLinkFor, lastPublication } from "#app/editorial/public-links.server.ts";
import { getPractice, listPractices } from "#app/models/practices.server.ts";
import { langParam, orNotFound } from "#app/utils/http.server.ts";
import { formatDate } from "#app/utils/format.ts";
import { pageMeta } from "#app/utils/meta.ts";

export function loader({ request, params }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const practice = orNotFound(getPractice(params.slug ?? "", lang));
  const more = listPractices(lang, { cityId: practice.cityId })
    .filter((p) => p.slug !== practice.slug)
    .slice(0, 3);
  return {
    lang,
    practice,
    more,
    editLink: editLinkFor(request, lang, "practice", practice.id),
    publication: lastPublication("practice", practice.id),
    meta: { title: practice.title, description: practice.summary },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export default function PracticePage() {
  const { lang, practice: p, more, editLink, publication } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article className="detail">
      <nav aria-label={t("content.breadcrumb")} className="breadcrumb">
        <Link to={`/${lang}/practices`}>{t("nav.practices")}</Link> › <Link to={`/${lang}/cities/${p.city.slug}`}>{p.city.name}</Link>
      </nav>
      <PracticeDetail
        lang={lang}
        practice={p}
        footer={
          <>
            <p className="muted small">{t("content.lastUpdated", { date: formatDate(p.updatedAt, lang) })}</p>
            {publication ? (
              <p className="muted small">
                {t("content.reviewedBy", { name: publication.by ?? t("workflow.someone"), date: formatDate(publication.at, lang) })}
              </p>
            ) : null}
            {editLink ? (
              <p>
                <Link to={editLink}>{t("content.edit")}</Link>
              </p>
            ) : null}
          </>
        }
      />
      {more.length ? (
        <section aria-labelledby="more">
          <h2 id="more">{t("practices.otherFromCity", { city: p.city.name })}</h2>
          <div className="card-grid">
            {more.map((m) => (
              <PracticeCard key={m.slug} practice={m} lang={lang} />
            ))}
          </div>
        </section>
      ) : null}
    </article>
  );
}
