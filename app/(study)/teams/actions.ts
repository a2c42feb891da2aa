"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { zonedDateTime } from "@/app/_lib/study-day";
import { plainText } from "@/app/_lib/text";
import { now } from "@/app/_server/clock";
import { requireUser } from "@/app/_server/session";
import { createInvite, joinTeam, revokeInvite } from "@/app/_server/team-invites";
import {
  createTeam,
  deleteTeam,
  getTeam,
  leaveTeam,
  removeMember,
  saveTeamExam,
  setOnBoard,
  setRole,
  transferOwnership,
} from "@/app/_server/teams";
import { resolveTimeZone } from "@/app/_server/time-zones";

// Server actions are public endpoints: every field is parsed here, and each call below
// checks the caller's role in the team (a team not theirs is not found).

const teamId = z.string().uuid();
const field = (formData: FormData, name: string) => formData.get(name) ?? "";

const teamSchema = z.object({
  name: plainText(80).pipe(z.string().trim().min(1)),
  decks: z.array(plainText(100)).min(1).max(50),
  timeZone: plainText(100),
  weekStartsOn: z.coerce.number().int().min(0).max(6),
});

export type TeamFormState = { error?: "invalid" | "deck-not-found" | "time-zone" };

export async function createTeamAction(_previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  const user = await requireUser();
  const parsed = teamSchema.safeParse({
    name: field(formData, "name"),
    decks: formData.getAll("deck"),
    timeZone: field(formData, "timeZone"),
    weekStartsOn: field(formData, "weekStartsOn"),
  });
  if (!parsed.success) return { error: "invalid" };
  const timeZone = await resolveTimeZone(parsed.data.timeZone);
  if (!timeZone) return { error: "time-zone" };
  const created = await createTeam(user, { ...parsed.data, timeZone });
  if ("error" in created) return { error: created.error };
  redirect(`/teams/${created.id}`);
}

const inviteSchema = z.object({
  team: teamId,
  expiresInHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30),
  maxUses: z.coerce.number().int().min(1).max(1000),
});

export type InviteFormState = { token?: string; error?: "invalid" | "not-found" };

export async function createInviteAction(_previous: InviteFormState, formData: FormData): Promise<InviteFormState> {
  const user = await requireUser();
  const parsed = inviteSchema.safeParse({
    team: field(formData, "team"),
    expiresInHours: field(formData, "expiresInHours"),
    maxUses: field(formData, "maxUses"),
  });
  if (!parsed.success) return { error: "invalid" };
  const invite = await createInvite(user, parsed.data.team, parsed.data, await now());
  if ("error" in invite) return { error: invite.error };
  revalidatePath(`/teams/${parsed.data.team}`);
  return { token: invite.token };
}

export type JoinState = { error?: "invalid-invite" | "team-full" | "rate-limited"; retryAfterMinutes?: number };

export async function joinTeamAction(_previous: JoinState, formData: FormData): Promise<JoinState> {
  const user = await requireUser();
  const token = plainText(100).safeParse(field(formData, "token"));
  if (!token.success) return { error: "invalid-invite" };
  const joined = await joinTeam(user, token.data, await now());
  if ("error" in joined) {
    return joined.error === "rate-limited"
      ? { error: "rate-limited", retryAfterMinutes: Math.ceil(joined.retryAfterMs / 60_000) }
      : { error: joined.error };
  }
  redirect(`/teams/${joined.teamId}`);
}

/** The team and one member named by a form, or null when malformed. */
function teamAndMember(formData: FormData): { team: string; member: string } | null {
  const parsed = z.object({ team: teamId, member: z.string().uuid() }).safeParse({
    team: field(formData, "team"),
    member: field(formData, "member"),
  });
  return parsed.success ? parsed.data : null;
}

export async function revokeInviteAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = z.object({ team: teamId, invite: z.string().uuid() }).safeParse({
    team: field(formData, "team"),
    invite: field(formData, "invite"),
  });
  if (!parsed.success) return;
  await revokeInvite(user, parsed.data.team, parsed.data.invite, await now());
  revalidatePath(`/teams/${parsed.data.team}`);
}

export async function removeMemberAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = teamAndMember(formData);
  if (!parsed) return;
  await removeMember(user, parsed.team, parsed.member);
  revalidatePath(`/teams/${parsed.team}`);
}

export async function setRoleAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = teamAndMember(formData);
  const role = z.enum(["admin", "member"]).safeParse(field(formData, "role"));
  if (!parsed || !role.success) return;
  await setRole(user, parsed.team, parsed.member, role.data);
  revalidatePath(`/teams/${parsed.team}`);
}

export async function transferOwnershipAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const parsed = teamAndMember(formData);
  if (!parsed) return;
  await transferOwnership(user, parsed.team, parsed.member);
  revalidatePath(`/teams/${parsed.team}`);
}

export async function setOnBoardAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const team = teamId.safeParse(field(formData, "team"));
  if (!team.success) return;
  await setOnBoard(user, team.data, field(formData, "onBoard") === "on");
  revalidatePath(`/teams/${team.data}`);
}

export async function leaveTeamAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const team = teamId.safeParse(field(formData, "team"));
  if (!team.success) return;
  const left = await leaveTeam(user, team.data);
  if ("status" in left) redirect("/teams");
}

export async function deleteTeamAction(formData: FormData): Promise<void> {
  const user = await requireUser();
  const team = teamId.safeParse(field(formData, "team"));
  if (!team.success || field(formData, "confirm") !== "on") return;
  const deleted = await deleteTeam(user, team.data);
  if ("status" in deleted) redirect("/teams");
}

const examSchema = z.object({
  team: teamId,
  deck: plainText(100).pipe(z.string().min(1)),
  sections: z.array(plainText(200)).max(100),
  examAt: plainText(20),
});

export type TeamExamState = { status?: "saved" | "invalid" | "past" | "far" | "deck-not-found" | "not-found" };

export async function saveTeamExamAction(_previous: TeamExamState, formData: FormData): Promise<TeamExamState> {
  const user = await requireUser();
  const parsed = examSchema.safeParse({
    team: field(formData, "team"),
    deck: field(formData, "deck"),
    sections: formData.getAll("section"),
    examAt: field(formData, "examAt"),
  });
  if (!parsed.success) return { status: "invalid" };
  const team = await getTeam(user, parsed.data.team);
  if (!team) return { status: "not-found" };
  const examAt = zonedDateTime(parsed.data.examAt, team.timeZone);
  if (!examAt) return { status: "invalid" };
  const at = await now();
  if (examAt <= at) return { status: "past" };
  // The plan is made day by day until the exam: a year at most.
  if (examAt.getTime() > at.getTime() + 366 * 86_400_000) return { status: "far" };
  const saved = await saveTeamExam(user, team.id, { ...parsed.data, examAt });
  if ("error" in saved) return { status: saved.error };
  revalidatePath(`/teams/${team.id}`);
  return { status: "saved" };
}
