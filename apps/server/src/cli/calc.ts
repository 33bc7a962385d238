import { calcErrorBody, calcIssueMessage, errorMessages } from "@thuocdo/contract";
import { calc, issue } from "@thuocdo/core";
import { type CliIo, exitCodes, readAll, writeJson } from "./io.ts";

/**
 * `thuocdo calc`: one JSON document on stdin (kind period | year | quota | agency), one JSON
 * result on stdout, exit 0. Bad input: `{ code, message, details }` on stderr, exit 2, stdout empty.
 * The computation is `@thuocdo/core` `calc`, the same one POST /api/v1/calc/{kind} serves.
 */
export async function runCalc(io: CliIo): Promise<number> {
  const text = await readAll(io.stdin);
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const detail = issue("ERR_MALFORMED_JSON", [], { reason: error instanceof Error ? error.message : String(error) });
    writeJson(io.stderr, {
      code: "MALFORMED_JSON",
      message: errorMessages.MALFORMED_JSON,
      details: [{ ...detail, message: calcIssueMessage(detail) }],
    });
    return exitCodes.invalid;
  }
  const result = calc(input);
  if (!result.ok) {
    writeJson(io.stderr, calcErrorBody(result.error));
    return exitCodes.invalid;
  }
  writeJson(io.stdout, result.value);
  return exitCodes.ok;
}
