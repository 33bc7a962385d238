import { existsSync } from "node:fs";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import { limits } from "@thuocdo/contract";
import Fastify, { type FastifyInstance } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { Deps } from "./context.ts";
import { admissionLimit, installAdmission } from "./http/admission.ts";
import { errorBody, installErrorHandler } from "./http/error-handler.ts";
import { installSessionHook } from "./http/session-hook.ts";
import { agencyAssessmentRoutes } from "./modules/agency-assessment/routes.ts";
import { agencyAssessmentReviewRoutes } from "./modules/agency-assessment-review/routes.ts";
import { agencyAssessmentSelfRoutes } from "./modules/agency-assessment-self/routes.ts";
import { agencyAssessmentViewRoutes } from "./modules/agency-assessment-views/routes.ts";
import { agencyCycleRoutes } from "./modules/agency-cycle/routes.ts";
import { agencyCycleResultRoutes } from "./modules/agency-cycle-results/routes.ts";
import { agencyCycleSetupRoutes } from "./modules/agency-cycle-setup/routes.ts";
import { agencyCycleStepRoutes } from "./modules/agency-cycle-steps/routes.ts";
import { agencyReportRoutes } from "./modules/agency-reports/routes.ts";
import { auditRoutes } from "./modules/audit/routes.ts";
import { authRoutes } from "./modules/auth/routes.ts";
import { catalogRoutes } from "./modules/catalog/routes.ts";
import { catalogImportRoutes } from "./modules/catalog-import/routes.ts";
import { catalogItemRoutes } from "./modules/catalog-items/routes.ts";
import { catalogMappingRoutes } from "./modules/catalog-mapping/routes.ts";
import { catalogProposalRoutes } from "./modules/catalog-proposals/routes.ts";
import { classificationRoutes } from "./modules/classification/routes.ts";
import { classificationDecisionRoutes } from "./modules/classification-decisions/routes.ts";
import { classificationEntryRoutes } from "./modules/classification-entries/routes.ts";
import { classificationQuotaRoutes } from "./modules/classification-quota/routes.ts";
import { classificationViewRoutes } from "./modules/classification-views/routes.ts";
import { councilRoutes } from "./modules/council/routes.ts";
import { dashboardRoutes } from "./modules/dashboards/routes.ts";
import { evaluationRoutes } from "./modules/evaluation/routes.ts";
import { evaluationSelfRoutes } from "./modules/evaluation-self/routes.ts";
import { fileRoutes } from "./modules/files/routes.ts";
import { frameworkRoutes } from "./modules/frameworks/routes.ts";
import { frameworkCriteriaRoutes } from "./modules/frameworks-criteria/routes.ts";
import { frameworkImportRoutes } from "./modules/frameworks-import/routes.ts";
import { importRoutes } from "./modules/imports/routes.ts";
import { notificationRoutes } from "./modules/notifications/routes.ts";
import { orgRoutes } from "./modules/org/routes.ts";
import { peopleRoutes } from "./modules/people/routes.ts";
import { petitionRoutes } from "./modules/petitions/routes.ts";
import { positionRoutes } from "./modules/positions/routes.ts";
import { quotaRoutes } from "./modules/quota/routes.ts";
import { recordRoutes } from "./modules/records/routes.ts";
import { reportRoutes } from "./modules/reports/routes.ts";
import { settingsRoutes } from "./modules/settings/routes.ts";
import { systemRoutes } from "./modules/system/routes.ts";
import { userRoutes } from "./modules/users/routes.ts";
import { workRoutes } from "./modules/work/routes.ts";
import { workAssignmentRoutes } from "./modules/work-assignments/routes.ts";
import { workDeliveryRoutes } from "./modules/work-deliveries/routes.ts";
import { workViewRoutes } from "./modules/work-views/routes.ts";
import { yearReportRoutes } from "./modules/yearreports/routes.ts";
import { appVersion } from "./version.ts";

export interface AppOptions {
  deps: Deps;
  /** Folder of the built web app; served with SPA fallback when present. */
  webDist?: string;
  /** Pino level ("info" logs every request), true for "info", or false for none. */
  logger?: boolean | string;
  trustProxy?: boolean;
}

/** Route modules, in the order their routes appear in the API description. */
const modules = [
  systemRoutes,
  authRoutes,
  orgRoutes,
  positionRoutes,
  catalogRoutes,
  catalogImportRoutes,
  catalogItemRoutes,
  catalogMappingRoutes,
  catalogProposalRoutes,
  peopleRoutes,
  importRoutes,
  userRoutes,
  auditRoutes,
  fileRoutes,
  evaluationRoutes,
  evaluationSelfRoutes,
  recordRoutes,
  quotaRoutes,
  classificationRoutes,
  classificationQuotaRoutes,
  classificationEntryRoutes,
  classificationDecisionRoutes,
  classificationViewRoutes,
  petitionRoutes,
  yearReportRoutes,
  dashboardRoutes,
  settingsRoutes,
  workRoutes,
  workAssignmentRoutes,
  workDeliveryRoutes,
  workViewRoutes,
  notificationRoutes,
  reportRoutes,
  frameworkRoutes,
  frameworkCriteriaRoutes,
  frameworkImportRoutes,
  agencyCycleRoutes,
  agencyCycleSetupRoutes,
  agencyCycleStepRoutes,
  agencyCycleResultRoutes,
  agencyAssessmentRoutes,
  agencyAssessmentSelfRoutes,
  agencyAssessmentReviewRoutes,
  agencyAssessmentViewRoutes,
  councilRoutes,
  agencyReportRoutes,
];

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: options.logger === true ? "info" : options.logger } : false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installAdmission(app, admissionLimit(options.deps.database.kind));
  // The API speaks JSON (and multipart for files); anything else is refused with 415, not half-parsed.
  app.removeContentTypeParser("text/plain");

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Ant Design writes its styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // HSTS only makes sense behind HTTPS; a reverse proxy that terminates TLS sets it.
    hsts: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: limits.importFileBytes, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "Thước Đo API",
        version: appVersion,
        description: "API đánh giá, xếp loại chất lượng theo Nghị định 335/2025/NĐ-CP",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "td_session" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  installSessionHook(app, options.deps);
  for (const register of modules) await register(app, options.deps);

  if (options.webDist && existsSync(options.webDist)) {
    await app.register(fastifyStatic, { root: options.webDist, wildcard: false, index: ["index.html"] });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/api");
    if (wantsPage && options.webDist && existsSync(`${options.webDist}/index.html`)) {
      return reply.type("text/html").sendFile("index.html");
    }
    return reply.status(404).send(errorBody("NOT_FOUND", { path: request.url.split("?")[0] }));
  });
  return app;
}
