import { useTranslations } from "next-intl";

/** The languages notes and cards may be in: the options of a language select. */
export function NoteLanguageOptions() {
  const t = useTranslations("decks");
  return (["ja", "en", "de", "fr", "es", "zh", "ko"] as const).map((code) => (
    <option key={code} value={code}>
      {t(`language-${code}`)}
    </option>
  ));
}
