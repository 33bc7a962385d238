import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Deps } from "../context.ts";
import { resolveSession } from "../modules/auth/service.ts";
import type { Actor } from "./actor.ts";
import { AppError } from "./app-error.ts";

export const SESSION_COOKIE = "td_session";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

declare module "fastify" {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/**
 * Resolves the session cookie into `request.actor` and enforces CSRF on every
 * unsafe method: a signed-in caller must echo the session's token in
 * `x-csrf-token`; an anonymous caller (the login form) must send the header
 * at all, which a cross-site form cannot, and a cross-site Origin is refused.
 */
export function installSessionHook(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("actor", null);
  app.addHook("preHandler", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token ? await resolveSession(deps, token) : null;
    if (!UNSAFE.has(request.method)) return;
    if (!sameOrigin(request)) throw new AppError("CSRF_INVALID");
    const header = request.headers["x-csrf-token"];
    const sent = Array.isArray(header) ? header[0] : header;
    if (!sent) throw new AppError("CSRF_INVALID");
    if (request.actor && sent !== request.actor.csrfToken) throw new AppError("CSRF_INVALID");
  });
}

function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
