import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CYCLE_MANAGERS } from "../agency-cycle/policy.ts";
import * as service from "./service.ts";

export async function agencyCycleSetupRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.createCycle, CYCLE_MANAGERS, ({ actor, body }) => service.createCycle(deps, actor, body));
  route(app, endpoints.updateCycle, CYCLE_MANAGERS, ({ actor, params, body }) =>
    service.updateCycle(deps, actor, params.id, body),
  );
}
