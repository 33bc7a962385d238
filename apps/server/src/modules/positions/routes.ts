import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { POSITION_EDITORS, POSITION_READERS } from "./policy.ts";
import * as service from "./service.ts";

export async function positionRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listPositions, POSITION_READERS, ({ actor, query }) =>
    service.listPositions(deps, actor, query.agencyId),
  );
  route(app, endpoints.createPosition, POSITION_EDITORS, ({ actor, body }) =>
    service.createPosition(deps, actor, body),
  );
  route(app, endpoints.updatePosition, POSITION_EDITORS, ({ actor, params, body }) =>
    service.updatePosition(deps, actor, params.id, body),
  );
  route(app, endpoints.deletePosition, POSITION_EDITORS, async ({ actor, params }) => {
    await service.deletePosition(deps, actor, params.id);
    return { ok: true as const };
  });
}
