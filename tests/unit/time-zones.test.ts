import { describe, expect, it } from "vitest";
import { canonicalTimeZone } from "@/app/_lib/time-zones";

describe("time zones from outside", () => {
  it.each([
    ["Asia/Tokyo", "Asia/Tokyo"],
    ["UTC", "UTC"],
    ["Etc/UTC", "UTC"],
    ["US/Pacific", "America/Los_Angeles"],
    ["US/Pacific-New", "America/Los_Angeles"],
  ])("%j is %j", (zone, canonical) => {
    expect(canonicalTimeZone(zone)).toBe(canonical);
  });

  it.each(["SystemV/AST4", "Mars/Olympus", "", "Asia/Tokyo\u0000", "+09:00"])("%j is refused", (zone) => {
    expect(canonicalTimeZone(zone)).toBeNull();
  });
});
