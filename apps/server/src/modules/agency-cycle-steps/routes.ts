import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CYCLE_MANAGERS } from "../agency-cycle/policy.ts";
import * as service from "./service.ts";

export async function agencyCycleStepRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.advanceCycle, CYCLE_MANAGERS, ({ actor, params, body }) =>
    service.advanceCycle(deps, actor, params.id, body),
  );
  route(app, endpoints.recordDecision, CYCLE_MANAGERS, ({ actor, params, body }) =>
    service.recordDecision(deps, actor, params.id, body),
  );
}
