import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import pg from "pg";
import { inject } from "vitest";
import { buildApp } from "../app.ts";
import { type Deps, makeDeps } from "../context.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { DEMO_PASSWORD } from "../seed/demo-data.ts";
import { withDatabase } from "./global-setup.ts";

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  database: Database;
  /** Signs in a demo user and returns a client that sends their cookie and CSRF token. */
  as(username: string, password?: string): Promise<Client>;
  anonymous: Client;
  /**
   * Runs `fn` and counts the SQL statements Drizzle sent meanwhile (the session lookup of a
   * request included): the N+1 tests compare these counts across headcounts. Anything else
   * running on the app at the same time is counted too, so call it with nothing in flight.
   */
  countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }>;
  close(): Promise<void>;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface Client {
  csrf: string;
  cookie: string | null;
  request(
    method: Method,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

async function cloneDatabase(
  onQuery: (sqlText: string) => void,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  const template = inject("dbTemplate");
  if (template.kind === "pglite") {
    const blob = new Blob([readFileSync(template.file)]);
    const database = await openDatabase({ kind: "memory" }, { loadDataDir: blob, onQuery });
    return { database, drop: async () => {} };
  }
  const name = `thuocdo_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template.template}`);
  const database = await openDatabase(
    { kind: "postgres", url: withDatabase(template.url, name), poolSize: 4 },
    { onQuery },
  );
  return {
    database,
    drop: async () => {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function client(app: FastifyInstance, cookie: string | null, csrf: string): Client {
  const request = (method: Method, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(method === "GET" ? {} : { "x-csrf-token": csrf }),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
  return {
    csrf,
    cookie,
    request,
    get: (url) => request("GET", url),
    post: (url, body) => request("POST", url, body ?? {}),
    patch: (url, body) => request("PATCH", url, body ?? {}),
    delete: (url) => request("DELETE", url),
  };
}

/** A fresh app on a fresh copy of the demo database: call once per test file (or per test that mutates). */
export async function createTestApp(options: { now?: () => Date } = {}): Promise<TestApp> {
  let queries = 0;
  const { database, drop } = await cloneDatabase(() => {
    queries++;
  });
  const deps = makeDeps(database, { now: options.now });
  const app = await buildApp({ deps });
  await app.ready();
  const anonymous = client(app, null, "test");
  return {
    app,
    deps,
    database,
    anonymous,
    async as(username, password = DEMO_PASSWORD) {
      const res = await anonymous.post("/api/v1/auth/login", { username, password });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
      return client(app, cookie, res.json().csrfToken);
    },
    async countQueries(fn) {
      const before = queries;
      const result = await fn();
      return { result, queries: queries - before };
    },
    async close() {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
