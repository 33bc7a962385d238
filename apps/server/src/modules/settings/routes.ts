import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { SETTINGS_EDITORS } from "./policy.ts";
import * as service from "./service.ts";

export async function settingsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.getAgencySettings, "session", ({ actor, params }) =>
    service.getSettings(deps, actor, params.id),
  );
  route(app, endpoints.updateAgencySettings, SETTINGS_EDITORS, ({ actor, params, body }) =>
    service.updateSettings(deps, actor, params.id, body),
  );
}
