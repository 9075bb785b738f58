import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { clientIp, requirePermission } from "#app/auth/auth.server.ts";
import { FormErrorSummary, SelectField } from "#app/components/form-fields.tsx";
import { answerFromForm, answerSchema } from "#app/content-types/answer.ts";
import { vocabSlugs, withSpareRows } from "#app/content-types/fields.ts";
import { organisationFromForm, organisationSchema, type OrganisationForm } from "#app/content-types/organisation.ts";
import { practiceFromForm, practiceSchema, type PracticeForm } from "#app/content-types/practice.ts";
import { OrganisationStructureFields, PracticeStructureFields, SourcesFields } from "#app/components/editor/structure-fields.tsx";
import { AnswerTextFields, OrganisationTextFields, PracticeTextFields } from "#app/components/editor/text-fields.tsx";
import { answerExists, creatableCities, questionOptions, vocabularies } from "#app/editorial/editing.server.ts";
import { draftOrganisationSlug, draftSlug } from "#app/editorial/slugs.server.ts";
import { SEGMENT_OF, typeParam } from "#app/editorial/route-helpers.server.ts";
import { renderBodies, renderErrorCode } from "#app/editorial/rendered-bodies.server.ts";
import { createDraft } from "#app/editorial/saving.server.ts";
import { getT } from "#app/i18n/i18next.server.ts";
import { ENDONYMS, LANGUAGES, type Language } from "#app/i18n/languages.ts";
import { getDb } from "#app/utils/db.server.ts";
import { readForm } from "#app/utils/form.server.ts";
import { langParam, notFound } from "#app/utils/http.server.ts";
import { pageMeta } from "#app/utils/meta.ts";

type Creatable = "practice" | "answer" | "organisation";
const CREATE = { practice: "create_practice", answer: "create_answer", organisation: "create_organisation" } as const;
const TITLE = { practice: "editor.newPractice", answer: "editor.newAnswer", organisation: "editor.newOrganisation" } as const;
function creatableType(params: Parameters<typeof typeParam>[0]): Creatable {
  const type = typeParam(params);
  if (type === "city") notFound();
  return type;
}

function options(request: Request, lang: Language, type: Creatable, context: unknown) {
  const user = requirePermission(request, lang, context, CREATE[type]);
  const db = getDb();
  const cities = creatableCities(db, user, lang);
  // A contributor whose cities are all gone has nothing to create for.
  if (!cities.length) throw new Response("Forbidden", { status: 403 });
  return { user, cities, questions: type === "answer" ? questionOptions(db, lang) : [] };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const lang = langParam(params);
  const type = creatableType(params);
  const { user, cities, questions } = options(request, lang, type, context);
  const t = await getT(lang);
  const url = new URL(request.url);
  const preset = {
    city: url.searchParams.get("city") ?? (noCityAllowed(type, user) ? "" : cities[0]!.slug),
    question: url.searchParams.get("question") ?? "",
    language: lang,
  };
  return {
    lang,
    type,
    cities: cities.map((c) => ({ slug: c.slug, name: c.name })),
    questions: questions.map((q) => ({ slug: q.slug, title: q.title })),
    vocab: type === "answer" ? null : vocabularies(lang),
    defaults: { ...preset, partners: withSpareRows([], { name: "", role: "", formality: "" }), sources: withSpareRows([], { title: "", url: "" }) },
    noCity: noCityAllowed(type, user),
    meta: { title: t(TITLE[type]) },
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [...pageMeta(data), { name: "robots", content: "noindex" }];

/** Curators and admins may create an organisation of no one city (a national or international body). */
const noCityAllowed = (type: Creatable, user: { role: string }) => type === "organisation" && user.role !== "contributor";

const nonEmpty = <T,>(list: T[]): [T, ...T[]] => (list.length ? (list as [T, ...T[]]) : (["-"] as unknown as [T, ...T[]]));

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = langParam(params);
  const type = creatableType(params);
  const { user, cities, questions } = options(request, lang, type, context);
  const db = getDb();
  const form = await readForm(request);
  const citySlugs = nonEmpty(cities.map((c) => c.slug));
  const submission =
    type === "practice"
      ? parseWithZod(form, { schema: practiceSchema(vocabSlugs(vocabularies(lang)), { cities: citySlugs }) })
      : type === "organisation"
        ? parseWithZod(form, { schema: organisationSchema(vocabSlugs(vocabularies(lang)).themes, { cities: citySlugs, noCity: noCityAllowed(type, user) }) })
        : parseWithZod(form, { schema: answerSchema({ questions: nonEmpty(questions.map((q) => q.slug)), cities: citySlugs }) });
  if (submission.status !== "success") return data({ result: submission.reply(), existing: null }, { status: 400 });
  const v = submission.value as Record<string, unknown> & { city: string; language: Language; question?: string };
  // Only an organisation created by a curator may have no city (the schema requires one otherwise).
  const found = cities.find((c) => c.slug === v.city);
  if (!found && !noCityAllowed(type, user)) return data({ result: submission.reply({ fieldErrors: { city: ["required"] } }), existing: null }, { status: 400 });
  const city = found!;
  // The snapshot is built once to render its body (which waits for the worker), then again for the
  // write, with the membership check and the slug of that moment.
  let question: (typeof questions)[number] | undefined;
  if (type === "answer") {
    question = questions.find((q) => q.slug === v.question);
    if (!question) return data({ result: submission.reply({ fieldErrors: { question: ["unknown_value"] } }), existing: null }, { status: 400 });
  }
  const build = () => {
    requirePermission(request, lang, context, CREATE[type], found?.id);
    if (type === "practice") {
      const f = v as unknown as PracticeForm & { language: Language };
      return practiceFromForm(f, { slug: draftSlug(db, f.title, city.slug), cityId: city.id, originalLanguage: f.language, translations: {} });
    }
    if (type === "organisation") {
      const f = v as unknown as OrganisationForm & { language: Language };
      return organisationFromForm(f, { slug: draftOrganisationSlug(db, f.name), cityId: found?.id ?? null, originalLanguage: f.language, translations: {} });
    }
    return answerFromForm(v as never, { questionId: question!.id, cityId: city.id, originalLanguage: v.language, translations: {} });
  };
  const rendered = await renderBodies(build());
  if (!rendered.ok) return data({ result: submission.reply({ fieldErrors: { body: [renderErrorCode(rendered)] } }), existing: null }, { status: 400 });
  if (question) {
    const existing = answerExists(db, question.id, city.id);
    if (existing) return data({ result: submission.reply({ fieldErrors: { question: ["answer_exists"] } }), existing }, { status: 409 });
  }
  const id = createDraft(db, user, type, build(), rendered.html, clientIp(context));
  return redirect(`/${lang}/edit/${SEGMENT_OF[type]}/${id}?saved=1`, { status: 303 });
}

export default function NewItem() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const cities = nonEmpty(data.cities.map((c) => c.slug));
  const vocab = data.vocab ? vocabSlugs(data.vocab) : null;
  const schema =
    data.type === "practice"
      ? practiceSchema(vocab!, { cities })
      : data.type === "organisation"
        ? organisationSchema(vocab!.themes, { cities, noCity: data.noCity })
        : answerSchema({ questions: nonEmpty(data.questions.map((q) => q.slug)), cities });
  const [form, fields] = useForm({
    id: `new-${data.type}`,
    lastResult: actionData?.result,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    defaultValue: data.defaults as any,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const f = fields as unknown as Parameters<typeof PracticeTextFields>[0]["fields"];
  const language = (f.language?.value as Language | undefined) ?? data.lang;
  return (
    <div className="editor-main">
      <h1>{t(TITLE[data.type])}</h1>
      {actionData?.existing ? (
        <p className="notice">
          {t("editor.answerExists")} <a href={`/${data.lang}/edit/answers/${actionData.existing}`}>{t("editor.edit")}</a>
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack editor-form">
        <FormErrorSummary count={Object.values(form.allErrors).length} />
        <div className="row-fields">
          <SelectField
            field={f.city!}
            label={t("editor.city")}
            empty={data.noCity ? t("organisations.noCity") : undefined}
            options={data.cities.map((c) => ({ value: c.slug, label: c.name }))}
          />
          {data.type === "answer" ? (
            <SelectField
              field={f.question!}
              label={t("editor.question")}
              empty={t("editor.none")}
              options={data.questions.map((q) => ({ value: q.slug, label: q.title }))}
            />
          ) : null}
          <SelectField
            field={f.language!}
            label={t("editor.language")}
            help={t("editor.languageHelp")}
            options={LANGUAGES.map((l) => ({ value: l, label: ENDONYMS[l] }))}
          />
        </div>
        {data.type === "practice" ? (
          <PracticeTextFields fields={f} lang={language} />
        ) : data.type === "organisation" ? (
          <OrganisationTextFields fields={f} lang={language} />
        ) : (
          <AnswerTextFields fields={f} lang={language} />
        )}
        {data.type === "practice" && data.vocab ? (
          <PracticeStructureFields fields={f} vocab={data.vocab} />
        ) : data.type === "organisation" && data.vocab ? (
          <OrganisationStructureFields fields={f} themes={data.vocab.themes} />
        ) : (
          <SourcesFields fields={f} />
        )}
        <button type="submit">{t("editor.save")}</button>
      </Form>
    </div>
  );
}
