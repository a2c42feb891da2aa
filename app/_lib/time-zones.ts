// The zones this runtime's Intl lists: canonical IANA names (aliases resolve to one of them).
let supported: Set<string> | undefined;
const supportedZones = () => {
  supported ??= new Set(["UTC", ...Intl.supportedValuesOf("timeZone")]);
  return supported;
};

/**
 * The canonical IANA name of a time zone Intl lists ("US/Pacific" -> "America/Los_Angeles"),
 * or null for anything else, including names Intl only accepts as legacy ("SystemV/AST4").
 */
export function canonicalTimeZone(value: string): string | null {
  try {
    const canonical = new Intl.DateTimeFormat("en", { timeZone: value }).resolvedOptions().timeZone;
    const name = canonical === "Etc/UTC" || canonical === "Etc/GMT" ? "UTC" : canonical;
    return supportedZones().has(name) ? name : null;
  } catch {
    return null;
  }
}

/** The IANA time zones to offer, UTC first. */
export function listTimeZones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];
}
