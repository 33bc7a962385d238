import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { AGENCY_DASHBOARD, PROVINCE_DASHBOARD } from "./policy.ts";
import * as service from "./service.ts";

/** The head's agency page and hr's province page; staff read their own year through `myYear`. */
export async function dashboardRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.agencyYearDashboard, AGENCY_DASHBOARD, ({ actor, query }) =>
    service.agencyDashboard(deps, actor, query),
  );
  route(app, endpoints.provinceYearDashboard, PROVINCE_DASHBOARD, ({ actor, query }) =>
    service.provinceDashboard(deps, actor, query),
  );
}
