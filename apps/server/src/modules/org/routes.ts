import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { ORG_EDITORS } from "./policy.ts";
import * as service from "./service.ts";

export async function orgRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listUnits, "session", ({ actor }) => service.listUnits(deps, actor));
  route(app, endpoints.createUnit, ORG_EDITORS, ({ actor, body }) => service.createUnit(deps, actor, body));
  route(app, endpoints.updateUnit, ORG_EDITORS, ({ actor, params, body }) =>
    service.updateUnit(deps, actor, params.id, body),
  );
  route(app, endpoints.deleteUnit, ORG_EDITORS, async ({ actor, params }) => {
    await service.deleteUnit(deps, actor, params.id);
    return { ok: true as const };
  });
}
