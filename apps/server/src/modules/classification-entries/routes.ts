import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CLASSIFICATION_HR } from "../classification/policy.ts";
import * as service from "./service.ts";

/** One civil servant's year (Mẫu 02): self-proposal and the Party committee's opinion. */
export async function classificationEntryRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.getPersonYear, "session", ({ actor, params }) =>
    service.getPersonYear(deps, actor, params.id, params.personId),
  );
  route(app, endpoints.setSelfProposal, "session", ({ actor, params, body }) =>
    service.setSelfProposal(deps, actor, params.id, params.personId, body),
  );
  route(app, endpoints.setPartyOpinion, CLASSIFICATION_HR, ({ actor, params, body }) =>
    service.setPartyOpinion(deps, actor, params.id, params.personId, body),
  );
}
