import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { AGENCY_ROLES } from "../agency-assessment/policy.ts";
import * as service from "./service.ts";

/** Appraisal, the draft, explanations and final scores; the finer checks are in the service's policy. */
export async function agencyAssessmentReviewRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.saveAppraisal, ["appraiser", "hr"], ({ actor, params, body }) =>
    service.saveAppraisal(deps, actor, params.id, body),
  );
  route(app, endpoints.getDraft, AGENCY_ROLES, ({ actor, params }) => service.getDraft(deps, actor, params.id));
  route(app, endpoints.saveExplanation, ["hr", "head"], ({ actor, params, body }) =>
    service.saveExplanation(deps, actor, params.id, params.criterionId, body),
  );
  route(app, endpoints.saveFinalScores, ["hr"], ({ actor, params, body }) =>
    service.saveFinalScores(deps, actor, params.id, body),
  );
}
