import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CLASSIFICATION_HEAD, CLASSIFICATION_LIST } from "../classification/policy.ts";
import * as service from "./service.ts";

/** The quota at the cut and the head's order among ties (Art. 20.5). */
export async function classificationQuotaRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.classificationQuota, CLASSIFICATION_LIST, ({ actor, params }) =>
    service.classificationQuota(deps, actor, params.id),
  );
  route(app, endpoints.recordTieBreak, CLASSIFICATION_HEAD, ({ actor, params, body }) =>
    service.recordTieBreak(deps, actor, params.id, body),
  );
}
