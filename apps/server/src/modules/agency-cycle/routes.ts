import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CYCLE_MANAGERS, CYCLE_READERS, DASHBOARD_READERS } from "./policy.ts";
import * as service from "./service.ts";

export async function agencyCycleRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listCycles, CYCLE_READERS, ({ actor, query }) => service.listCycles(deps, actor, query));
  route(app, endpoints.getCycle, CYCLE_READERS, ({ actor, params }) => service.getCycle(deps, actor, params.id));
  route(app, endpoints.createCycle, CYCLE_MANAGERS, ({ actor, body }) => service.createCycle(deps, actor, body));
  route(app, endpoints.updateCycle, CYCLE_MANAGERS, ({ actor, params, body }) =>
    service.updateCycle(deps, actor, params.id, body),
  );
  route(app, endpoints.advanceCycle, CYCLE_MANAGERS, ({ actor, params, body }) =>
    service.advanceCycle(deps, actor, params.id, body),
  );
  route(app, endpoints.recordDecision, CYCLE_MANAGERS, ({ actor, params, body }) =>
    service.recordDecision(deps, actor, params.id, body),
  );
  route(app, endpoints.cycleResults, CYCLE_READERS, ({ actor, params }) =>
    service.cycleResults(deps, actor, params.id),
  );
  route(app, endpoints.agencyDashboard, DASHBOARD_READERS, ({ actor, query }) => service.dashboard(deps, actor, query));
  route(app, endpoints.publicAgencyResults, "public", ({ query }) => service.publicResults(deps, query));
}
