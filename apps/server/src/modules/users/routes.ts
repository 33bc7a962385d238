import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { USER_ADMINS } from "./policy.ts";
import * as service from "./service.ts";

export async function userRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listUsers, USER_ADMINS, ({ actor }) => service.listUsers(deps, actor));
  route(app, endpoints.createUser, USER_ADMINS, ({ actor, body }) => service.createUser(deps, actor, body));
  route(app, endpoints.updateUser, USER_ADMINS, ({ actor, params, body }) =>
    service.updateUser(deps, actor, params.id, body),
  );
  route(app, endpoints.resetPassword, USER_ADMINS, async ({ actor, params, body }) => {
    await service.resetPassword(deps, actor, params.id, body.password);
    return { ok: true as const };
  });
  route(app, endpoints.addGrant, USER_ADMINS, ({ actor, params, body }) =>
    service.addGrant(deps, actor, params.id, body),
  );
  route(app, endpoints.removeGrant, USER_ADMINS, async ({ actor, params }) => {
    await service.removeGrant(deps, actor, params.id);
    return { ok: true as const };
  });
}
