import { useTranslation } from "react-i18next";
import { CheckboxGroup, SelectField, TextField } from "#app/components/form-fields.tsx";
import { CO_CITIES_DIMENSIONS, CO_CITIES_LEVELS } from "#app/domain/co-cities.ts";
import { CITY_FACT_KINDS, COALITION_ROLES, ORGANISATION_KINDS, PARTNER_FORMALITIES, PARTNER_ROLES } from "#app/domain/enums.ts";
import { CERTAINTIES, HR_CITY_BASES, HR_CITY_STATUSES } from "#app/domain/hr-city.ts";
import { RowGroup, type RowFields } from "./rows.tsx";

type Option = { slug: string; label: string };
export type VocabOptions = { themes: Option[]; questionTypes: Option[]; udhrArticles: Option[]; sdgs: Option[]; organisations: Option[] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const list = (field: any) => (field.getFieldList() as RowFields[keyof RowFields][]) ?? [];

export function SourcesFields({ fields }: { fields: RowFields }) {
  const { t } = useTranslation();
  return (
    <RowGroup rows={list(fields.sources)} list={fields.sources} legend={t("editor.sources")} help={t("editor.sourcesHelp")}>
      {(row) => (
        <div className="row-fields">
          <TextField field={row.title!} label={t("editor.sourceTitle")} maxLength={200} />
          <TextField field={row.url!} label={t("editor.sourceUrl")} type="url" maxLength={2000} />
        </div>
      )}
    </RowGroup>
  );
}

/** Everything about a practice that is not per-language text. */
export function PracticeStructureFields({ fields, vocab }: { fields: RowFields; vocab: VocabOptions }) {
  const { t } = useTranslation();
  const opts = (o: Option[]) => o.map((x) => ({ value: x.slug, label: x.label }));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const co = (fields.coCities as any).getFieldset() as RowFields;
  return (
    <>
      <div className="row-fields">
        <TextField field={fields.startYear!} label={t("editor.startYear")} type="number" />
        <TextField field={fields.endYear!} label={t("editor.endYear")} type="number" />
        <SelectField
          field={fields.ongoing!}
          label={t("editor.ongoing")}
          options={(["unknown", "yes", "no"] as const).map((v) => ({ value: v, label: t(`editor.ongoingOptions.${v}`) }))}
        />
      </div>
      <h3>{t("editor.classification")}</h3>
      <CheckboxGroup field={fields.themes!} legend={t("content.themes")} options={opts(vocab.themes)} />
      <CheckboxGroup field={fields.questionTypes!} legend={t("content.questionTypes")} options={opts(vocab.questionTypes)} />
      <CheckboxGroup field={fields.udhrArticles!} legend={t("content.udhrArticles")} options={opts(vocab.udhrArticles)} />
      <CheckboxGroup field={fields.sdgs!} legend={t("content.sdgs")} options={opts(vocab.sdgs)} />
      <fieldset className="row-group">
        <legend>{t("editor.coCities")}</legend>
        <div className="row-fields">
          {CO_CITIES_DIMENSIONS.map((d) => (
            <SelectField
              key={d}
              field={co[d]!}
              label={t(`coCities.${d}`)}
              empty={t("editor.none")}
              options={CO_CITIES_LEVELS.map((l) => ({ value: l, label: t(`coCities.${l}`) }))}
            />
          ))}
        </div>
      </fieldset>
      <RowGroup rows={list(fields.partners)} legend={t("editor.partners")}>
        {(row) => (
          <div className="row-fields">
            <TextField field={row.name!} label={t("editor.partnerName")} maxLength={200} />
            <SelectField
              field={row.role!}
              label={t("editor.partnerRole")}
              empty={t("editor.chooseRole")}
              options={PARTNER_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
            <SelectField
              field={row.formality!}
              label={t("editor.partnerFormality")}
              empty={t("editor.none")}
              options={PARTNER_FORMALITIES.map((r) => ({ value: r, label: t(`formality.${r}`) }))}
            />
            <SelectField
              field={row.organisation!}
              label={t("editor.partnerOrganisation")}
              empty={t("editor.none")}
              options={vocab.organisations.map((o) => ({ value: o.slug, label: o.label }))}
            />
          </div>
        )}
      </RowGroup>
      <SourcesFields fields={fields} />
    </>
  );
}

export function CityStructureFields({ fields }: { fields: RowFields }) {
  const { t } = useTranslation();
  const certainties = CERTAINTIES.map((v) => ({ value: v, label: t(`editor.certainties.${v}`) }));
  const bases = HR_CITY_BASES.map((v) => ({ value: v, label: t(`basis.${v}`) }));
  return (
    <>
      <SelectField
        field={fields.hrCityStatus!}
        label={t("editor.hrCityStatus")}
        options={HR_CITY_STATUSES.map((v) => ({ value: v, label: t(`editor.hrCityStatuses.${v}`) }))}
      />
      {/* Since and how: each a certainty plus rows of values with their sources (plain rows, so the form works without JavaScript). */}
      <fieldset className="row-group">
        <legend>{t("editor.hrCitySince")}</legend>
        <p className="field-help">{t("editor.hrCitySinceHelp")}</p>
        <SelectField field={fields.hrCitySinceCertainty!} label={t("editor.certainty")} options={certainties} />
        <RowGroup rows={list(fields.hrCitySinceClaims)} legend={t("editor.hrCitySinceClaims")}>
          {(row) => (
            <div className="row-fields">
              <TextField field={row.date!} label={t("editor.claimDate")} maxLength={10} />
              <TextField field={row.title!} label={t("editor.sourceTitle")} maxLength={200} />
              <TextField field={row.url!} label={t("editor.sourceUrl")} type="url" maxLength={2000} />
            </div>
          )}
        </RowGroup>
      </fieldset>
      <fieldset className="row-group">
        <legend>{t("editor.hrCityBasisLegend")}</legend>
        <p className="field-help">{t("editor.hrCityBasisHelp")}</p>
        <div className="row-fields">
          <SelectField field={fields.hrCityBasisCertainty!} label={t("editor.certainty")} options={certainties} />
          <SelectField field={fields.hrCityBasis!} label={t("editor.hrCityBasis")} empty={t("editor.none")} options={bases} />
        </div>
        <RowGroup rows={list(fields.hrCityBasisClaims)} legend={t("editor.hrCityBasisClaims")}>
          {(row) => (
            <div className="row-fields">
              <SelectField field={row.basis!} label={t("editor.claimBasis")} empty={t("editor.none")} options={bases} />
              <TextField field={row.title!} label={t("editor.sourceTitle")} maxLength={200} />
              <TextField field={row.url!} label={t("editor.sourceUrl")} type="url" maxLength={2000} />
            </div>
          )}
        </RowGroup>
      </fieldset>
      <TextField field={fields.website!} label={t("editor.website")} type="url" />
      <div className="row-fields">
        <TextField field={fields.population!} label={t("editor.population")} type="number" />
        <TextField field={fields.populationYear!} label={t("editor.populationYear")} type="number" />
        <TextField field={fields.populationSource!} label={t("editor.populationSource")} type="url" />
      </div>
      <RowGroup rows={list(fields.facts)} legend={t("editor.cityFacts")}>
        {(row) => (
          <div className="row-fields">
            <SelectField
              field={row.kind!}
              label={t("editor.factKind")}
              empty={t("editor.none")}
              options={CITY_FACT_KINDS.map((k) => ({ value: k, label: t(`editor.factKinds.${k}`) }))}
            />
            <TextField field={row.name!} label={t("editor.factName")} maxLength={200} />
            <TextField field={row.since!} label={t("editor.factSince")} maxLength={10} />
            <TextField field={row.url!} label={t("editor.factUrl")} type="url" />
          </div>
        )}
      </RowGroup>
      <SourcesFields fields={fields} />
    </>
  );
}

/** Everything about an organisation that is not per-language text. */
export function OrganisationStructureFields({ fields, themes }: { fields: RowFields; themes: Option[] }) {
  const { t } = useTranslation();
  return (
    <>
      <SelectField
        field={fields.kind!}
        label={t("organisations.kind")}
        empty={t("editor.chooseKind")}
        options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisations.kinds.${k}`) }))}
      />
      <CheckboxGroup field={fields.themes!} legend={t("content.themes")} options={themes.map((o) => ({ value: o.slug, label: o.label }))} />
      <TextField field={fields.website!} label={t("organisations.website")} type="url" maxLength={2000} />
      <fieldset>
        <legend>{t("organisations.coalition")}</legend>
        <p className="muted small">{t("editor.coalitionHelp")}</p>
        <div className="row-fields">
          <SelectField
            field={fields.coalitionRole!}
            label={t("editor.coalitionRole")}
            empty={t("editor.none")}
            options={COALITION_ROLES.map((r) => ({ value: r, label: t(`organisations.roles.${r}`) }))}
          />
          <TextField field={fields.coalitionSince!} label={t("editor.coalitionSince")} inputMode="numeric" maxLength={4} />
        </div>
      </fieldset>
      <SourcesFields fields={fields} />
    </>
  );
}
