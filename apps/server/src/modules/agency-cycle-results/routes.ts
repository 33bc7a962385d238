import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CYCLE_READERS, DASHBOARD_READERS } from "../agency-cycle/policy.ts";
import * as service from "./service.ts";

export async function agencyCycleResultRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.cycleResults, CYCLE_READERS, ({ actor, params }) =>
    service.cycleResults(deps, actor, params.id),
  );
  route(app, endpoints.agencyDashboard, DASHBOARD_READERS, ({ actor, query }) => service.dashboard(deps, actor, query));
  route(app, endpoints.publicAgencyResults, "public", ({ query }) => service.publicResults(deps, query));
}
