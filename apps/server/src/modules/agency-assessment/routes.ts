import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { AGENCY_ROLES } from "./policy.ts";
import * as service from "./service.ts";

/** Assessments, as lists and one by one; the finer checks are in the service's policy. */
export async function agencyAssessmentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listAssessments, AGENCY_ROLES, ({ actor, query }) =>
    service.listAssessments(deps, actor, query),
  );
  route(app, endpoints.getAssessment, AGENCY_ROLES, ({ actor, params }) =>
    service.getAssessment(deps, actor, params.id),
  );
}
