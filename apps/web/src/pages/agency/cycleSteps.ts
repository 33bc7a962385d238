import type { CycleDeadlines, CycleStep } from "@thuocdo/contract";
import type { MessageKey } from "../../i18n/index.ts";

/** The four dated steps and the label of their deadline. */
export const deadlineFields = [
  { field: "selfAssessment", step: "self_assessment", label: "agencyAdmin.deadlineSelf" },
  { field: "appraisal", step: "appraisal", label: "agencyAdmin.deadlineAppraisal" },
  { field: "explanation", step: "explanation", label: "agencyAdmin.deadlineExplanation" },
  { field: "council", step: "council", label: "agencyAdmin.deadlineCouncil" },
] as const satisfies readonly { field: keyof CycleDeadlines; step: CycleStep; label: MessageKey }[];

/** What closing each step does, as the button says it. */
export const advanceLabels: Record<Exclude<CycleStep, "published">, MessageKey> = {
  self_assessment: "agencyAdmin.advance_self_assessment",
  appraisal: "agencyAdmin.advance_appraisal",
  explanation: "agencyAdmin.advance_explanation",
  council: "agencyAdmin.advance_council",
  decision: "agencyAdmin.advance_decision",
};
