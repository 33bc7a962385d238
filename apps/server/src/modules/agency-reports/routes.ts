import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { Deps } from "../../context.ts";
import { route } from "../../http/route.ts";
import { AGENCY_ROLES } from "../agency/policy.ts";
import * as service from "./service.ts";

const send = (reply: FastifyReply, file: service.ReportFile) =>
  reply
    .header("content-type", file.mime)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .send(file.content);

/** Downloads: ranking (XLSX/DOCX/PDF), council minutes, decision annex, one agency's score sheet. */
export async function agencyReportRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.rankingReport, AGENCY_ROLES, async ({ actor, params, query, reply }) =>
    send(reply, await service.ranking(deps, actor, params.id, query.format)),
  );
  route(app, endpoints.minutesReport, AGENCY_ROLES, async ({ actor, params, reply }) =>
    send(reply, await service.minutes(deps, actor, params.id)),
  );
  route(app, endpoints.annexReport, AGENCY_ROLES, async ({ actor, params, reply }) =>
    send(reply, await service.annex(deps, actor, params.id)),
  );
  route(app, endpoints.scoreSheetReport, AGENCY_ROLES, async ({ actor, params, query, reply }) =>
    send(reply, await service.scoreSheet(deps, actor, params.id, query.format)),
  );
}
