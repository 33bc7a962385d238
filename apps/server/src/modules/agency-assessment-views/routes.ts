import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { AGENCY_ROLES } from "../agency-assessment/policy.ts";
import * as service from "./service.ts";

/** The appraisal work list and progress, and assessment files; the finer checks are in the service's policy. */
export async function agencyAssessmentViewRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
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
