import { z } from "zod";
import { nextStudyDayStart } from "@/app/_lib/study-day";
import { json, readJson, withUser } from "@/app/_server/api";
import { changeCard } from "@/app/_server/card-actions";
import { now } from "@/app/_server/clock";
import { getSettings } from "@/app/_server/preferences";

const actionSchema = z.object({ action: z.enum(["suspend", "unsuspend", "bury", "forget"]) });

/** POST /api/review/cards/:id { action }: suspend, unsuspend, bury until the next study day, or forget. */
export const POST = withUser(async (user, request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  if (!z.uuid().safeParse(id).success) return json(404, { error: "not-found", message: "No such card." });
  const input = await readJson(request, actionSchema);
  if (input instanceof Response) return input;
  const at = await now();
  const settings = await getSettings(user);
  const buryUntil = nextStudyDayStart(at, { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour });
  const result = await changeCard(user, id, input.action, at, buryUntil);
  return "status" in result ? json(200, result) : json(404, { error: "not-found", message: "No such card." });
});
