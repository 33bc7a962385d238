import { calcErrorBody, type Endpoint, endpoints } from "@thuocdo/contract";
import { calc } from "@thuocdo/core";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { AppError } from "../../http/app-error.ts";
import { route } from "../../http/route.ts";
import { PERIOD_ADMINS } from "../work/policy.ts";
import { EVALUATOR_ROLES } from "./policy.ts";
import * as service from "./service.ts";

const calculators: [Endpoint, string][] = [
  [endpoints.calcPeriod, "period"],
  [endpoints.calcYear, "year"],
  [endpoints.calcQuota, "quota"],
  [endpoints.calcAgency, "agency"],
];

/**
 * The calculator over HTTP: the same documents and results as
 * `npm run thuocdo -- calc`, through the same core dispatcher. The path
 * names the kind, so a body may leave `kind` out.
 */
export async function evaluationRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  for (const [endpoint, kind] of calculators) {
    route(app, endpoint, "session", async ({ body, reply }) => {
      const document = body && typeof body === "object" && !Array.isArray(body) ? { kind, ...body } : body;
      if ((document as { kind?: unknown }).kind !== kind) {
        throw new AppError("CALC_INVALID", {
          issues: [{ path: ["kind"], message: `Đường dẫn này chỉ tính loại "${kind}".` }],
        });
      }
      const result = calc(document);
      if (!result.ok) return reply.status(400).send(calcErrorBody(result.error));
      return result.value;
    });
  }

  route(app, endpoints.generalCriteria, "session", async () => service.getGeneralCriteria());
  route(app, endpoints.myHistory, "session", ({ actor, query }) => service.myHistory(deps, actor, query.year));
  route(app, endpoints.getPersonEvaluation, "session", ({ actor, params }) =>
    service.getPersonEvaluation(deps, actor, params.id, params.personId),
  );
  route(app, endpoints.getEvaluation, "session", ({ actor, params }) => service.getEvaluation(deps, actor, params.id));
  route(app, endpoints.confirmEvaluation, EVALUATOR_ROLES, ({ actor, params, body }) =>
    service.confirmEvaluation(deps, actor, params.id, body),
  );
  route(app, endpoints.headConfirmEvaluation, ["head"], ({ actor, params, body }) =>
    service.headConfirmEvaluation(deps, actor, params.id, body),
  );
  route(app, endpoints.lockPeriod, PERIOD_ADMINS, ({ actor, params, body }) =>
    service.lockPeriod(deps, actor, params.id, body),
  );
  route(app, endpoints.reopenPeriod, PERIOD_ADMINS, ({ actor, params, body }) =>
    service.reopenPeriod(deps, actor, params.id, body),
  );
}
