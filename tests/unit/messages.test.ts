import { describe, expect, it } from "vitest";
import en from "@/app/_i18n/messages/en.json";
import ja from "@/app/_i18n/messages/ja.json";
import { locales } from "@/app/_lib/locale";

type Messages = { [key: string]: string | Messages };

function flatten(messages: Messages, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
  }
  return entries;
}

const catalogs: Record<string, Map<string, string>> = { en: flatten(en), ja: flatten(ja) };

describe("interface messages", () => {
  it("has a catalog for every interface language", () => {
    expect(Object.keys(catalogs).sort()).toEqual([...locales].sort());
  });

  it.each(Object.entries(catalogs))("every key of another language exists in %s", (locale, catalog) => {
    const missing = Object.entries(catalogs)
      .flatMap(([, other]) => [...other.keys()])
      .filter((key) => !catalog.has(key));
    expect(missing, `keys missing from ${locale}`).toEqual([]);
  });

  it.each(Object.entries(catalogs))("no %s message is empty", (_locale, catalog) => {
    const empty = [...catalog].filter(([, text]) => text.trim() === "").map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
