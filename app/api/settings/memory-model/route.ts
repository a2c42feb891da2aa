import { json, withUser } from "@/app/_server/api";
import { getMemoryModel } from "@/app/_server/memory-model";

/**
 * GET /api/settings/memory-model: the signed-in person's memory model: the parameters in
 * use, whether a fit is running, the latest fit's outcome and the sets used before.
 */
export const GET = withUser(async (user) => json(200, await getMemoryModel(user)));
