import { z } from "zod";
import { idSchema } from "../common.ts";
import { storedFileSchema } from "../files.ts";

/* ───────────── Self-assessment dossier ───────────── */

export const dossierKinds = [
  "request_letter",
  "annual_report",
  "self_scoring_report",
  "evidence",
  "explanation_report",
] as const;
export type DossierKind = (typeof dossierKinds)[number];

/** What the completeness check may find missing before submission (Quảng Nam Art. 6.2). */
export const dossierGapCodes = [
  "request_letter",
  "annual_report",
  "self_scoring_report",
  "evidence",
  /** Needed when a criterion is declared not applicable. */
  "explanation_report",
  "score_missing",
  "criterion_evidence_missing",
  "na_explanation_missing",
  "na_evidence_missing",
  "condition_missing",
  "proposed_level_missing",
] as const;
export type DossierGapCode = (typeof dossierGapCodes)[number];

export const dossierGapSchema = z.object({
  code: z.enum(dossierGapCodes),
  criterionId: idSchema.nullable(),
  /** Condition name for `condition_missing`. */
  name: z.string().nullable(),
});

export const dossierFileSchema = z.object({ kind: z.enum(dossierKinds), file: storedFileSchema });

export const addDossierFileBody = z.object({ kind: z.enum(dossierKinds), fileId: idSchema });
