import type { ErrorCode } from "@thuocdo/contract";

/**
 * The one error services raise. It carries a stable code and data, never an
 * HTTP status or prose: the error handler maps the code to a status and the
 * Vietnamese message from the contract.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
  ) {
    super(code);
    this.name = "AppError";
  }
}

export const notFound = (entity: string, id: string) => new AppError("NOT_FOUND", { entity, id });
export const forbidden = (reason?: string) => new AppError("FORBIDDEN", reason ? { reason } : undefined);
export const conflict = (currentVersion: number) => new AppError("CONFLICT", { currentVersion });
