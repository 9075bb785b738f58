import { useTranslation } from "react-i18next";
import { TextArea, TextField } from "#app/components/form-fields.tsx";
import type { RowFields } from "./rows.tsx";

/** The per-language text of each type, shared by the main form and the translation form. */
export function PracticeTextFields({ fields, lang }: { fields: RowFields; lang: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField field={fields.title!} label={t("editor.title")} maxLength={200} lang={lang} />
      <TextArea field={fields.summary!} label={t("editor.summary")} help={t("editor.summaryHelp")} rows={3} lang={lang} />
      <TextArea field={fields.body!} label={t("editor.body")} help={t("editor.bodyHelp")} rows={14} lang={lang} className="markdown-input" />
      <TextArea field={fields.outcomes!} label={t("editor.outcomes")} help={t("editor.outcomesHelp")} rows={4} lang={lang} />
      <TextArea field={fields.continuity!} label={t("editor.continuity")} help={t("editor.continuityHelp")} rows={3} lang={lang} />
    </>
  );
}

export function AnswerTextFields({ fields, lang }: { fields: RowFields; lang: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextArea field={fields.summary!} label={t("editor.summary")} rows={3} lang={lang} />
      <TextArea field={fields.body!} label={t("editor.body")} help={t("editor.bodyHelp")} rows={14} lang={lang} className="markdown-input" />
    </>
  );
}

export function CityTextFields({ fields, lang }: { fields: RowFields; lang: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField field={fields.name!} label={t("editor.title")} maxLength={200} lang={lang} />
      <TextArea field={fields.summary!} label={t("editor.summary")} rows={3} lang={lang} />
      <TextArea field={fields.body!} label={t("editor.body")} help={t("editor.bodyHelp")} rows={14} lang={lang} className="markdown-input" />
    </>
  );
}

export function OrganisationTextFields({ fields, lang }: { fields: RowFields; lang: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField field={fields.name!} label={t("editor.organisationName")} maxLength={200} lang={lang} />
      <TextArea field={fields.body!} label={t("editor.organisationDescription")} help={t("editor.bodyHelp")} rows={10} lang={lang} className="markdown-input" />
    </>
  );
}
