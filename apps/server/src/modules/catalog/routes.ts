import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { CATALOG_APPROVERS, CATALOG_EDITORS, CATALOG_READERS } from "./policy.ts";
import * as service from "./service.ts";

export async function catalogRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.listCatalogs, CATALOG_READERS, ({ actor, query }) =>
    service.listCatalogs(deps, actor, query.agencyId),
  );
  route(app, endpoints.catalogInForce, CATALOG_READERS, ({ actor, query }) =>
    service.getCatalogInForce(deps, actor, query.agencyId, query.date),
  );
  route(app, endpoints.getCatalog, CATALOG_READERS, ({ actor, params }) => service.getCatalog(deps, actor, params.id));
  route(app, endpoints.createCatalog, CATALOG_EDITORS, ({ actor, body }) => service.createCatalog(deps, actor, body));
  route(app, endpoints.nextCatalogVersion, CATALOG_EDITORS, ({ actor, body }) =>
    service.nextVersion(deps, actor, body),
  );
  route(app, endpoints.updateCatalog, CATALOG_EDITORS, ({ actor, params, body }) =>
    service.updateCatalog(deps, actor, params.id, body),
  );
  route(app, endpoints.deleteCatalog, CATALOG_EDITORS, async ({ actor, params }) => {
    await service.deleteCatalog(deps, actor, params.id);
    return { ok: true as const };
  });
  route(app, endpoints.approveCatalog, CATALOG_APPROVERS, ({ actor, params, body }) =>
    service.approveCatalog(deps, actor, params.id, body),
  );
}
