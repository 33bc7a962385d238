import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { PERIOD_ADMINS } from "./policy.ts";
import * as service from "./service.ts";

export async function workRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listPeriods, "session", ({ actor, query }) => service.listPeriods(deps, actor, query));
  route(app, endpoints.getPeriod, "session", ({ actor, params }) => service.getPeriod(deps, actor, params.id));
  route(app, endpoints.openPeriod, PERIOD_ADMINS, ({ actor, body }) => service.openPeriod(deps, actor, body));
}
