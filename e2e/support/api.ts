import { buildUrl, type EndpointName, type Endpoints, endpoints } from "@thuocdo/contract";
import type { z } from "zod";
import { DEMO_PASSWORD } from "../pages/LoginPage.ts";

type In<N extends EndpointName, K extends string> = Endpoints[N] extends { [P in K]: infer S extends z.ZodType }
  ? z.input<S>
  : never;
type Out<N extends EndpointName> = z.infer<Endpoints[N]["response"]>;

/** A refused API call: the HTTP status, the contract's error code, its Vietnamese message and details. */
export class E2eApiError extends Error {
  override readonly name = "E2eApiError";
  constructor(
    readonly endpoint: string,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(`${endpoint}: ${status} ${code} ${message}`);
  }
}

async function apiError(endpoint: string, res: Response): Promise<E2eApiError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as { code?: string; message?: string; details?: unknown };
    return new E2eApiError(endpoint, res.status, body.code ?? "UNKNOWN", body.message ?? text, body.details);
  } catch {
    return new E2eApiError(endpoint, res.status, "UNKNOWN", text, undefined);
  }
}

/**
 * The API as one demo user, for setting up what a browser journey needs (the journey itself
 * goes through the screens). Calls endpoints of the contract by name with the session cookie and
 * the CSRF token; a refusal throws an E2eApiError with the server's status, code and message.
 */
export class ApiSession {
  private constructor(
    private readonly baseUrl: string,
    private readonly cookie: string,
    private readonly csrf: string,
  ) {}

  static async login(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<ApiSession> {
    const res = await fetch(`${baseUrl}${endpoints.login.path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-csrf-token": "login" },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw await apiError(`login ${username}`, res);
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return new ApiSession(baseUrl, cookie, csrfToken);
  }

  async call<N extends EndpointName>(
    name: N,
    options: { params?: In<N, "params">; query?: In<N, "query">; body?: In<N, "body"> } = {},
  ): Promise<Out<N>> {
    const endpoint = endpoints[name];
    const url = buildUrl(
      endpoint.path,
      options.params as Record<string, unknown> | undefined,
      options.query as Record<string, unknown> | undefined,
    );
    const res = await fetch(`${this.baseUrl}${url}`, {
      method: endpoint.method,
      headers: {
        cookie: this.cookie,
        "x-csrf-token": this.csrf,
        ...(options.body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (!res.ok) throw await apiError(name, res);
    if (res.status === 204) return undefined as Out<N>;
    return (await res.json()) as Out<N>;
  }

  /** The headers a raw request of this user sends (load generators, downloads). */
  headers(): Record<string, string> {
    return { cookie: this.cookie, "x-csrf-token": this.csrf, "content-type": "application/json" };
  }

  /** Uploads a file (POST /api/v1/files) under a unit and returns its id. */
  async uploadFile(unitId: string, name: string, content: Uint8Array<ArrayBuffer>, type: string): Promise<string> {
    const form = new FormData();
    form.append("file", new Blob([content], { type }), name);
    const res = await fetch(`${this.baseUrl}${endpoints.uploadFile.path}?unitId=${encodeURIComponent(unitId)}`, {
      method: "POST",
      headers: { cookie: this.cookie, "x-csrf-token": this.csrf },
      body: form,
    });
    if (!res.ok) throw await apiError("uploadFile", res);
    return ((await res.json()) as { id: string }).id;
  }
}

/** The smallest well-formed PDF: enough for the server's content sniffing. */
export function tinyPdf(): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  );
}
