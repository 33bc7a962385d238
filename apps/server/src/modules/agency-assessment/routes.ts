import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { AGENCY_ROLES } from "./policy.ts";
import * as service from "./service.ts";

/** Assessments, appraisal, drafts, explanations and final scores; the finer checks are in the service's policy. */
export async function agencyAssessmentRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listAssessments, AGENCY_ROLES, ({ actor, query }) =>
    service.listAssessments(deps, actor, query),
  );
  route(app, endpoints.getAssessment, AGENCY_ROLES, ({ actor, params }) =>
    service.getAssessment(deps, actor, params.id),
  );
  route(app, endpoints.updateAssessment, ["hr", "head"], ({ actor, params, body }) =>
    service.updateAssessment(deps, actor, params.id, body),
  );
  route(app, endpoints.saveSelfScores, ["hr", "head"], ({ actor, params, body }) =>
    service.saveSelfScores(deps, actor, params.id, body),
  );
  route(app, endpoints.addDossierFile, ["hr", "head"], ({ actor, params, body }) =>
    service.addDossierFile(deps, actor, params.id, body),
  );
  route(app, endpoints.removeDossierFile, ["hr", "head"], ({ actor, params }) =>
    service.removeDossierFile(deps, actor, params.id, params.fileId),
  );
  route(app, endpoints.submitAssessment, ["hr", "head"], ({ actor, params }) =>
    service.submitAssessment(deps, actor, params.id),
  );
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
  route(app, endpoints.appraisalRows, ["appraiser", "hr"], ({ actor, params, query }) =>
    service.appraisalRows(deps, actor, params.id, query),
  );
  route(app, endpoints.appraisalProgress, AGENCY_ROLES, ({ actor, params }) =>
    service.appraisalProgress(deps, actor, params.id),
  );
  route(app, endpoints.downloadAssessmentFile, AGENCY_ROLES, async ({ actor, params, reply }) => {
    const { row, content } = await service.readAssessmentFile(deps, actor, params.id, params.fileId);
    return reply
      .header("content-type", row.mime)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`)
      .header("cache-control", "private, max-age=3600")
      .send(content);
  });
}
