import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { getCycle } from "../agency-cycle/service.ts";
import * as service from "./service.ts";

export async function councilRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.councilCandidates, ["hr"], ({ actor, params }) => service.candidates(deps, actor, params.id));
  route(app, endpoints.setCouncil, ["hr"], async ({ actor, params, body }) => {
    await service.setMembers(deps, actor, params.id, body);
    return getCycle(deps, actor, params.id);
  });
  route(app, endpoints.councilBoard, ["hr", "council"], ({ actor, params }) => service.board(deps, actor, params.id));
  route(app, endpoints.castVote, ["council"], ({ actor, params, body }) =>
    service.castVote(deps, actor, params.id, body.level),
  );
  route(app, endpoints.setTieBreak, ["hr"], async ({ actor, params, body }) => {
    await service.setTieBreak(deps, actor, params.id, body);
    return getCycle(deps, actor, params.id);
  });
}
