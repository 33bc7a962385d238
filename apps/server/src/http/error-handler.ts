import { type ApiErrorBody, type ErrorCode, errorMessages, errorStatus, type FieldIssue } from "@thuocdo/contract";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError } from "./app-error.ts";

export function errorBody(code: ErrorCode, details?: unknown, message?: string): ApiErrorBody {
  return details === undefined
    ? { code, message: message ?? errorMessages[code] }
    : { code, message: message ?? errorMessages[code], details };
}

/** Fastify's own request errors, by their stable codes. */
const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "MALFORMED_JSON",
  FST_ERR_CTP_EMPTY_JSON_BODY: "MALFORMED_JSON",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "MALFORMED_JSON",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_REQ_FILE_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_FILES_LIMIT: "PAYLOAD_TOO_LARGE",
  FST_INVALID_MULTIPART_CONTENT_TYPE: "UNSUPPORTED_MEDIA_TYPE",
};

/**
 * Every failure leaves as `{ code, message, details }` with a 4xx/5xx status.
 * Unexpected errors are logged and answered with INTERNAL; they never leak
 * stack traces.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(errorStatus[error.code]).send(errorBody(error.code, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? "body";
      const issues: FieldIssue[] = error.validation.map((v) => ({
        path: [context, ...v.instancePath.split("/").filter(Boolean)],
        message: v.message ?? "",
      }));
      return reply.status(400).send(errorBody("VALIDATION_FAILED", { issues }));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error.cause }, "response failed its schema");
      return reply.status(500).send(errorBody("INTERNAL"));
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return reply.status(errorStatus[mapped]).send(errorBody(mapped));
    if (error.statusCode === 429) return reply.status(429).send(errorBody("RATE_LIMITED"));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(400).send(errorBody("VALIDATION_FAILED", { reason: error.message }));
    }
    request.log.error({ err: error }, "unexpected error");
    return reply.status(500).send(errorBody("INTERNAL"));
  });
}
