import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeCookie, pickLocale } from "@/app/_lib/locale";

// Without locale routing: the cookie set by the language switch, else Accept-Language.
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale({
    chosen: cookieStore.get(localeCookie)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  const messages = (await import(`./messages/${locale}.json`)).default;
  return { locale, messages };
});
