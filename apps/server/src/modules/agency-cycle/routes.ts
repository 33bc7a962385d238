import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CYCLE_READERS } from "./policy.ts";
import * as service from "./service.ts";

export async function agencyCycleRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listCycles, CYCLE_READERS, ({ actor, query }) => service.listCycles(deps, actor, query));
  route(app, endpoints.getCycle, CYCLE_READERS, ({ actor, params }) => service.getCycle(deps, actor, params.id));
}
