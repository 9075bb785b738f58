import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { detectLanguage } from "#app/i18n/i18next.server.ts";

/** "/" → "/{lang}": the language cookie first, then Accept-Language, then English. */
export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await detectLanguage(request);
  throw redirect(`/${lang}`, { status: 302, headers: { Vary: "Cookie, Accept-Language" } });
}
