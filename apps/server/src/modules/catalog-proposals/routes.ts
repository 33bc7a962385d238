import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CATALOG_EDITORS } from "../catalog/policy.ts";
import * as service from "./service.ts";

export async function catalogProposalRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listProposals, "session", ({ actor, query }) => service.listProposals(deps, actor, query));
  route(app, endpoints.createProposal, "session", ({ actor, body }) => service.createProposal(deps, actor, body));
  route(app, endpoints.decideProposal, CATALOG_EDITORS, ({ actor, params, body }) =>
    service.decideProposal(deps, actor, params.id, body),
  );
}
