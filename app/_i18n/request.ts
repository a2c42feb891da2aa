import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeCookie, pickLocale } from "@/app/_lib/locale";
import { getSettings } from "@/app/_server/preferences";
import { getCurrentUser } from "@/app/_server/session";

// Without locale routing: the signed-in user's setting, else the cookie set by the
// language switch, else Accept-Language. Dates are shown in the user's time zone.
export default getRequestConfig(async () => {
  const [cookieStore, headerList, user] = await Promise.all([cookies(), headers(), getCurrentUser()]);
  const settings = user ? await getSettings(user) : null;
  const locale = pickLocale({
    chosen: settings?.locale ?? cookieStore.get(localeCookie)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages, timeZone: settings?.timeZone ?? "UTC" };
});
