/**
 * Typed results with stable issue codes (chessops style): rules never throw on bad data and never
 * speak Vietnamese. The edge (`@thuocdo/contract` `calcErrorBody`) turns codes into messages.
 */

/** Every code a calculation can report. Append only: clients key messages on these strings. */
export const calcIssueCodes = [
  // Shape of the document (from the zod schemas).
  "ERR_MALFORMED_JSON",
  "ERR_UNKNOWN_KIND",
  "ERR_FIELD_REQUIRED",
  "ERR_FIELD_TYPE",
  "ERR_FIELD_INTEGER",
  "ERR_FIELD_RANGE",
  "ERR_FIELD_VALUE",
  "ERR_FIELD_INVALID",
  // Rule sets.
  "ERR_UNKNOWN_RULE_SET",
  "ERR_NO_RULE_SET_FOR_PERIOD",
  // Period (Art. 14–17).
  "ERR_NO_ASSIGNMENT",
  "ERR_DUPLICATE_ID",
  "ERR_UNKNOWN_ASSIGNMENT",
  "ERR_EXCUSED_EXCEEDS_TOTAL",
  "ERR_DELIVERED_EXCEEDS_ASSIGNED",
  "ERR_LEADER_MISSING",
  "ERR_LEADER_UNEXPECTED",
  // Year (Art. 11, 19, 20).
  "ERR_DUPLICATE_MONTH",
  "ERR_MONTHS_EXCEED_WORKED",
  // Quota (Art. 8.5, 20.5).
  "ERR_QUOTA_RATE_ABOVE_EXCEPTION",
  "ERR_TIE_BREAK_UNKNOWN_ID",
  "ERR_TIE_BREAK_INCOMPLETE",
  // Agency frameworks (Art. 5–8, Quảng Nam 2023).
  "ERR_CRITERION_MAX_MISSING",
  "ERR_CRITERION_SCORE_MISSING",
  "ERR_CRITERION_SCORE_RANGE",
  "ERR_CHILDREN_MAX_MISMATCH",
  "ERR_PARENT_SCORE_MISMATCH",
  "ERR_BONUS_AND_PENALTY",
  "ERR_BONUS_PENALTY_NESTED",
  "ERR_BONUS_PENALTY_CHILDREN",
  "ERR_FRAMEWORK_OVER_MAX",
  "ERR_NOTHING_APPLICABLE",
  "ERR_CONDITION_MISSING",
] as const;

export type CalcIssueCode = (typeof calcIssueCodes)[number];

export type IssueParam = string | number | boolean | null | readonly (string | number)[];

/** One problem: a stable code, where it is in the input document, and data to fill a message. */
export interface Issue {
  readonly code: CalcIssueCode;
  readonly path: readonly (string | number)[];
  readonly params: Readonly<Record<string, IssueParam>>;
}

export type Result<T, E = Issue[]> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });

export const issue = (
  code: CalcIssueCode,
  path: readonly (string | number)[] = [],
  params: Record<string, IssueParam> = {},
): Issue => ({ code, path, params });
