import type { FastifyReply } from "fastify";

/** A download's name: ASCII for old clients, and the Vietnamese one for `filename*` (RFC 6266). */
export interface DownloadName {
  ascii: string;
  vietnamese: string;
}

/** A generated file with its data, for the routes that render and send it. */
export interface Download<T> {
  data: T;
  fileName: DownloadName;
}

/** Sends a generated file as an attachment, never cached (it reflects data that may change). */
export function sendFile(reply: FastifyReply, file: Buffer, mime: string, extension: string, name: DownloadName) {
  return reply
    .header("content-type", mime)
    .header(
      "content-disposition",
      `attachment; filename="${name.ascii}.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name.vietnamese}.${extension}`)}`,
    )
    .header("cache-control", "no-store")
    .send(file);
}
