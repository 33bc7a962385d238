import { endpoints } from "@thuocdo/contract";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../../context.ts";
import { AppError } from "../../http/app-error.ts";
import { route } from "../../http/route.ts";
import * as service from "./service.ts";

export async function fileRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  route(app, endpoints.uploadFile, "session", async ({ actor, query, request }) => {
    const part = await request.file({ limits: { fileSize: 20 * 1024 * 1024 } });
    if (!part) throw new AppError("FILE_INVALID", { reason: "no_file" });
    const content = await part.toBuffer();
    return service.storeFile(deps, actor, { unitId: query.unitId, name: part.filename, content });
  });

  route(app, endpoints.downloadFile, "session", async ({ actor, params, reply }) => {
    const { row, content } = await service.readFile(deps, actor, params.id);
    return reply
      .header("content-type", row.mime)
      .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`)
      .header("cache-control", "private, max-age=3600")
      .send(content);
  });
}
