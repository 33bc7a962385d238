import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import * as service from "./service.ts";

/** Self-assessment: conditions, self-scores, dossier files, submission; the finer checks are in the service's policy. */
export async function agencyAssessmentSelfRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
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
}
