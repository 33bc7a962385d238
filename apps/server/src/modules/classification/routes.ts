import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CLASSIFICATION_HEAD, CLASSIFICATION_HR, CLASSIFICATION_LIST } from "./policy.ts";
import * as service from "./service.ts";

/** The annual classification (Art. 19–21), its publication and the public page (no login). */
export async function classificationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listClassifications, CLASSIFICATION_LIST, ({ actor, query }) =>
    service.listClassifications(deps, actor, query),
  );
  route(app, endpoints.openClassification, CLASSIFICATION_HR, ({ actor, body }) =>
    service.openClassification(deps, actor, body),
  );
  route(app, endpoints.getClassification, CLASSIFICATION_LIST, ({ actor, params }) =>
    service.getClassification(deps, actor, params.id),
  );
  route(app, endpoints.updateClassification, CLASSIFICATION_HR, ({ actor, params, body }) =>
    service.updateClassification(deps, actor, params.id, body),
  );
  route(app, endpoints.classificationPeople, CLASSIFICATION_LIST, ({ actor, params, query }) =>
    service.classificationPeople(deps, actor, params.id, query),
  );
  route(app, endpoints.classificationQuota, CLASSIFICATION_LIST, ({ actor, params }) =>
    service.classificationQuota(deps, actor, params.id),
  );
  route(app, endpoints.recordTieBreak, CLASSIFICATION_HEAD, ({ actor, params, body }) =>
    service.recordTieBreak(deps, actor, params.id, body),
  );
  route(app, endpoints.getPersonYear, "session", ({ actor, params }) =>
    service.getPersonYear(deps, actor, params.id, params.personId),
  );
  route(app, endpoints.setSelfProposal, "session", ({ actor, params, body }) =>
    service.setSelfProposal(deps, actor, params.id, params.personId, body),
  );
  route(app, endpoints.setPartyOpinion, CLASSIFICATION_HR, ({ actor, params, body }) =>
    service.setPartyOpinion(deps, actor, params.id, params.personId, body),
  );
  route(app, endpoints.addMinutes, CLASSIFICATION_HR, ({ actor, params, body }) =>
    service.addMinutes(deps, actor, params.id, body),
  );
  route(app, endpoints.propose, CLASSIFICATION_HR, ({ actor, params, body }) =>
    service.propose(deps, actor, params.id, body),
  );
  route(app, endpoints.decide, CLASSIFICATION_HEAD, ({ actor, params, body }) =>
    service.decide(deps, actor, params.id, body),
  );
  route(app, endpoints.publish, CLASSIFICATION_HEAD, ({ actor, params, body }) =>
    service.publish(deps, actor, params.id, body),
  );
  route(app, endpoints.myYear, "session", ({ actor, query }) => service.myYear(deps, actor, query.year));
  route(app, endpoints.publicClassifications, "public", ({ query }) => service.publicClassifications(deps, query.year));
  route(app, endpoints.publicClassification, "public", ({ params }) =>
    service.publicClassification(deps, params.agencyId, params.year),
  );
}
