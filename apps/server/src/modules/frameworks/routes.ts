import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { FRAMEWORK_EDITORS, FRAMEWORK_READERS } from "./policy.ts";
import * as service from "./service.ts";

export async function frameworkRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listFrameworks, FRAMEWORK_READERS, ({ query }) => service.listFrameworks(deps, query));
  route(app, endpoints.getFramework, FRAMEWORK_READERS, ({ params }) => service.getFramework(deps, params.id));
  route(app, endpoints.createFramework, FRAMEWORK_EDITORS, ({ actor, body }) =>
    service.createFramework(deps, actor, body),
  );
  route(app, endpoints.updateFramework, FRAMEWORK_EDITORS, ({ actor, params, body }) =>
    service.updateFramework(deps, actor, params.id, body),
  );
  route(app, endpoints.deleteFramework, FRAMEWORK_EDITORS, async ({ actor, params }) => {
    await service.deleteFramework(deps, actor, params.id);
    return { ok: true as const };
  });
  route(app, endpoints.newFrameworkVersion, FRAMEWORK_EDITORS, ({ actor, params }) =>
    service.newVersion(deps, actor, params.id),
  );
  route(app, endpoints.setFrameworkAgencies, FRAMEWORK_EDITORS, ({ actor, params, body }) =>
    service.setAgencies(deps, actor, params.id, body),
  );
}
