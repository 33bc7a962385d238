import { buildUrl, type EndpointName, type Endpoints, type ErrorCode, endpoints, errorCodes } from "@thuocdo/contract";
// Type-only: zod reaches the browser through @thuocdo/contract; here we only name its input/output types.
import type { z } from "zod";

type EndpointOf<N extends EndpointName> = Endpoints[N];
type InputOf<N extends EndpointName, K extends "params" | "query" | "body"> =
  EndpointOf<N> extends { [P in K]: infer S extends z.ZodType } ? z.input<S> : undefined;

/** What the server answers for endpoint `N` (JSON endpoints). */
export type ResponseOf<N extends EndpointName> = z.infer<EndpointOf<N>["response"]>;
export type BodyOf<N extends EndpointName> = InputOf<N, "body">;
export type QueryOf<N extends EndpointName> = InputOf<N, "query">;

type Slot<K extends string, T> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : undefined extends T
    ? { [P in K]?: T }
    : Record<never, never> extends T
      ? { [P in K]?: T }
      : { [P in K]: T };

export type CallOptions<N extends EndpointName> = Slot<"params", InputOf<N, "params">> &
  Slot<"query", InputOf<N, "query">> &
  Slot<"body", InputOf<N, "body">> & { signal?: AbortSignal };

type OptionalIfEmpty<O> = Record<never, never> extends O ? [options?: O] : [options: O];

/** Codes the client can meet: the contract's, plus a dead network and an unexpected answer. */
export type ClientErrorCode = ErrorCode | "NETWORK" | "UNKNOWN";

/** A failed call: the stable `code`, the server's Vietnamese `message`, the `details` data and the HTTP status. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly code: ClientErrorCode,
    message: string,
    readonly status: number,
    readonly details: unknown = undefined,
  ) {
    super(message);
  }
}

const knownCodes = new Set<string>(errorCodes);
const UNSAFE = new Set(["POST", "PATCH", "PUT", "DELETE"]);

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

/** Remember the CSRF token of the current session (from `session` or `login`). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any call other than `session`/`login` answers 401: the session ended under us. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function headersFor(name: EndpointName, method: string, json: boolean): Headers {
  const headers = new Headers({ accept: "application/json" });
  if (json) headers.set("content-type", "application/json");
  if (UNSAFE.has(method)) headers.set("x-csrf-token", name === "login" ? "login" : (csrfToken ?? ""));
  return headers;
}

/** Turn a non-2xx response into an ApiError, whatever its body looks like. */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy page, an empty body): fall through to UNKNOWN.
  }
  if (body && typeof body === "object" && "code" in body && typeof body.code === "string") {
    const code = knownCodes.has(body.code) ? (body.code as ErrorCode) : "UNKNOWN";
    const message = "message" in body && typeof body.message === "string" ? body.message : "";
    return new ApiError(code, message, res.status, "details" in body ? body.details : undefined);
  }
  return new ApiError("UNKNOWN", "", res.status);
}

async function send(name: EndpointName, url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { ...init, credentials: "same-origin" });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError("NETWORK", "", 0, undefined);
  }
  if (res.ok) return res;
  const error = await errorFromResponse(res);
  if (res.status === 401 && error.code === "UNAUTHENTICATED" && name !== "session" && name !== "login") {
    setCsrfToken(null);
    onUnauthenticated?.();
  }
  throw error;
}

/** Call a JSON endpoint of the contract by name; types of params, query, body and result follow the contract. */
export async function call<N extends EndpointName>(
  name: N,
  ...[options]: OptionalIfEmpty<CallOptions<N>>
): Promise<ResponseOf<N>> {
  const endpoint = endpoints[name];
  const opts = (options ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const url = buildUrl(endpoint.path, opts.params, opts.query);
  const hasBody = opts.body !== undefined;
  const res = await send(name, url, {
    method: endpoint.method,
    headers: headersFor(name, endpoint.method, hasBody),
    body: hasBody ? JSON.stringify(opts.body) : undefined,
    signal: options?.signal,
  });
  if (res.status === 204) return undefined as ResponseOf<N>;
  return (await res.json()) as ResponseOf<N>;
}

type DownloadName = { [N in EndpointName]: Endpoints[N] extends { raw: "download" } ? N : never }[EndpointName];
type UploadName = { [N in EndpointName]: Endpoints[N] extends { raw: "upload" } ? N : never }[EndpointName];

/** `attachment; filename*=UTF-8''Danh%20s%C3%A1ch.xlsx` → `Danh sách.xlsx`. */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // Badly encoded: try the plain form below.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1]?.trim() || fallback;
}

/** Fetch an XLSX (or other file) endpoint and hand it to the browser as a download. */
export async function download<N extends DownloadName>(
  name: N,
  options: { params?: InputOf<N, "params">; query?: InputOf<N, "query">; fallbackName: string },
): Promise<string> {
  const endpoint = endpoints[name];
  const url = buildUrl(
    endpoint.path,
    options.params as Record<string, unknown> | undefined,
    options.query as Record<string, unknown> | undefined,
  );
  const res = await send(name, url, { method: endpoint.method, headers: headersFor(name, endpoint.method, false) });
  const blob = await res.blob();
  const filename = filenameFromDisposition(res.headers.get("content-disposition"), options.fallbackName);
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before freeing the blob.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return filename;
}

/** Send one file as multipart/form-data (field `file`) to an upload endpoint. */
export async function upload<N extends UploadName>(
  name: N,
  options: { params?: InputOf<N, "params">; query: InputOf<N, "query">; file: File },
): Promise<ResponseOf<N>> {
  const endpoint = endpoints[name];
  const url = buildUrl(
    endpoint.path,
    options.params as Record<string, unknown> | undefined,
    options.query as Record<string, unknown>,
  );
  const form = new FormData();
  form.append("file", options.file, options.file.name);
  const res = await send(name, url, {
    method: endpoint.method,
    headers: headersFor(name, endpoint.method, false),
    body: form,
  });
  return (await res.json()) as ResponseOf<N>;
}
