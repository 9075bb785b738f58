import { useTranslation } from "react-i18next";

export function PracticePeriod({ start, end, ongoing }: { start: number | null; end: number | null; ongoing: boolean | null }) {
  const { t } = useTranslation();
  if (start === null && end === null) {
    return <span>{ongoing ? t("practices.ongoing") : t("practices.unknownPeriod")}</span>;
  }
  if (start !== null && end !== null) return <span>{t("practices.fromTo", { start, end })}</span>;
  if (start !== null) {
    return (
      <span>
        {t("practices.since", { start })}
        {ongoing ? ` (${t("practices.ongoing")})` : ""}
      </span>
    );
  }
  return <span>{t("practices.fromTo", { start: "…", end })}</span>;
}
