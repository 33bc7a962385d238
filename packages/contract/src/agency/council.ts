import { classifiedLevels } from "@thuocdo/core";
import { z } from "zod";
import { idSchema } from "../common.ts";
import { councilMemberSchema, cycleSteps } from "./cycles.ts";

/* ───────────── Council ───────────── */

export const councilTallySchema = z.object({
  excellent: z.number().int(),
  good: z.number().int(),
  completed: z.number().int(),
  not_completed: z.number().int(),
});

export const councilBallotSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  level: z.enum(classifiedLevels),
  at: z.string(),
});

export const councilRowSchema = z.object({
  assessmentId: idSchema,
  agencyId: idSchema,
  agencyName: z.string(),
  selfScore: z.number(),
  appraisedScore: z.number(),
  finalScore: z.number(),
  /** Level the rules give on the final score (null = not covered: council decides). */
  computedLevel: z.enum(classifiedLevels).nullable(),
  proposedLevel: z.enum(classifiedLevels).nullable(),
  flags: z.array(z.string()),
  hasExplanations: z.boolean(),
  tally: councilTallySchema,
  ballots: z.array(councilBallotSchema),
  myVote: z.enum(classifiedLevels).nullable(),
  /** The level more than half of the members present voted for; null otherwise. */
  majorityLevel: z.enum(classifiedLevels).nullable(),
});

export const councilBoardSchema = z.object({
  cycleId: idSchema,
  step: z.enum(cycleSteps),
  members: z.array(councilMemberSchema),
  quorum: z.number().int(),
  presentCount: z.number().int(),
  quorumMet: z.boolean(),
  rows: z.array(councilRowSchema),
});
export type CouncilBoard = z.infer<typeof councilBoardSchema>;

export const councilVoteBody = z.object({ level: z.enum(classifiedLevels) });
