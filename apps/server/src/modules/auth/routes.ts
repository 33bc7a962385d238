import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { SESSION_COOKIE } from "../../http/session-hook.ts";
import * as service from "./service.ts";

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string | null): void {
  const options = {
    path: "/",
    httpOnly: true,
    sameSite: "lax" as const,
    secure: request.protocol === "https",
  };
  if (token) reply.setCookie(SESSION_COOKIE, token, { ...options, maxAge: service.loginPolicy.sessionMaxHours * 3600 });
  else reply.clearCookie(SESSION_COOKIE, options);
}

export async function authRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.session, "session", async ({ actor }) => service.toSession(actor));

  route(app, endpoints.login, "public", async ({ body, request, reply }) => {
    const { token, session } = await service.login(deps, { ...body, ip: request.ip });
    setSessionCookie(request, reply, token);
    return session;
  });

  route(app, endpoints.logout, "session", async ({ actor, request, reply }) => {
    await service.logout(deps, actor);
    setSessionCookie(request, reply, null);
    return { ok: true as const };
  });

  route(app, endpoints.changePassword, "session", async ({ actor, body }) => {
    await service.changePassword(deps, actor, body);
    return { ok: true as const };
  });
}
