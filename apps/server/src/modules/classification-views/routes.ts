import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import * as service from "./service.ts";

/** The year outside the back office: one's own year and the public page (no login). */
export async function classificationViewRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.myYear, "session", ({ actor, query }) => service.myYear(deps, actor, query.year));
  route(app, endpoints.publicClassifications, "public", ({ query }) => service.publicClassifications(deps, query.year));
  route(app, endpoints.publicClassification, "public", ({ params }) =>
    service.publicClassification(deps, params.agencyId, params.year),
  );
}
