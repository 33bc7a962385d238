import type { Readable, Writable } from "node:stream";

/** What a subcommand needs from the process: injected so tests can run it in memory. */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

/** Exit codes: 0 success, 2 bad input or usage (the caller's fault, nothing written to stdout). */
export const exitCodes = { ok: 0, invalid: 2 } as const;

export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** One JSON document and a newline: the CLI's whole output on a stream. */
export function writeJson(stream: Writable, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}
