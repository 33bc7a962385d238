import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CLASSIFICATION_HR, CLASSIFICATION_LIST } from "./policy.ts";
import * as service from "./service.ts";

/** The annual classification (Art. 19–21): the agency's year, its settings and its live list. */
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
}
