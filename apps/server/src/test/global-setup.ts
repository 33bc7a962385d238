import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { makeDeps } from "../context.ts";
import { openDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";
import { seedDemo } from "../seed/demo.ts";

declare module "vitest" {
  export interface ProvidedContext {
    dbTemplate: { kind: "pglite"; file: string } | { kind: "postgres"; url: string; template: string };
  }
}

/**
 * Builds one migrated, demo-seeded database per test run, which every test
 * file then clones: a PGlite data-dir dump (~0.7 s to load) or, on
 * PostgreSQL, a template database (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const url = project.config.env?.TEST_DB === "postgres" ? process.env.TEST_DATABASE_URL : undefined;
  if (url) {
    const template = `thuocdo_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const database = await openDatabase({ kind: "postgres", url: withDatabase(url, template) });
    await migrate(database);
    await seedDemo(makeDeps(database));
    await database.close();
    project.provide("dbTemplate", { kind: "postgres", url, template });
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`).catch(() => {});
      await admin.end();
    };
  }
  const database = await openDatabase({ kind: "memory" });
  await migrate(database);
  await seedDemo(makeDeps(database));
  const dump = await database.pglite!.dumpDataDir("gzip");
  await database.close();
  const file = join(tmpdir(), `thuocdo-test-${process.pid}.tar.gz`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("dbTemplate", { kind: "pglite", file });
  return () => rmSync(file, { force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
