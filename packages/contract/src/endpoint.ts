import { z } from "zod";
import { idSchema } from "./common.ts";

/**
 * One route of the HTTP API: method, path (with `:placeholders` named by
 * `params`), the zod schemas of what goes in and out, and a Vietnamese
 * summary for the API description.
 */
export interface Endpoint {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  /** Binary downloads and multipart uploads skip JSON (de)serialisation. */
  raw?: "download" | "upload";
  summary: string;
}

export const idParams = z.object({ id: idSchema });

/** Keeps each entry's literal type while checking it is an Endpoint. */
export const define = <const E extends Record<string, Endpoint>>(e: E) => e;
