import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { withDatabase } from "../test/global-setup.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { openDatabase } from "./database.ts";
import { journal, migrate, schemaVersion } from "./migrate.ts";

const pgUrl = process.env.TEST_DB === "postgres" ? process.env.TEST_DATABASE_URL : undefined;

describe.skipIf(!pgUrl)("migrations on PostgreSQL", () => {
  it("run once when two servers start together (advisory lock)", async () => {
    const name = `thuocdo_mig_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    const url = withDatabase(pgUrl!, name);
    const [a, b] = await Promise.all([
      openDatabase({ kind: "postgres", url }),
      openDatabase({ kind: "postgres", url }),
    ]);
    try {
      await Promise.all([migrate(a), migrate(b)]);
      const version = await schemaVersion(a);
      expect(version.count).toBe(journal().entries.length);
      const probe = new pg.Client({ connectionString: url });
      await probe.connect();
      const rows = await probe.query(`select count(*)::int as n from pg_tables where schemaname = 'public'`);
      const applied = await probe.query("select count(*)::int as n from drizzle.__drizzle_migrations");
      await probe.end();
      expect(rows.rows[0].n).toBeGreaterThan(10);
      expect(applied.rows[0].n).toBe(journal().entries.length);
    } finally {
      await a.close();
      await b.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});

describe("PGlite data folder lock", () => {
  it("refuses a second server on the same folder and takes over a stale lock", () => {
    const dir = mkdtempSync(join(tmpdir(), "thuocdo-lock-"));
    const release = lockDataDir(dir);
    writeFileSync(join(dir, "thuocdo.lock"), "1");
    // pid 1 (init) is alive: the folder counts as in use.
    expect(() => lockDataDir(dir)).toThrow(/đang được tiến trình 1 sử dụng/);
    writeFileSync(join(dir, "thuocdo.lock"), "999999999");
    const again = lockDataDir(dir);
    again();
    release();
  });
});

describe("a persisted PGlite database", () => {
  it("keeps its data across restarts and migrates only once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "thuocdo-pglite-"));
    const first = await openDatabase({ kind: "pglite", dataDir: dir });
    await migrate(first);
    await first.exec("insert into seed_runs (name, version) values ('probe', 1)");
    await first.close();
    const second = await openDatabase({ kind: "pglite", dataDir: dir });
    await migrate(second);
    expect((await schemaVersion(second)).count).toBe(journal().entries.length);
    const rows = (
      await second.pglite!.query<{ n: number }>("select count(*)::int as n from seed_runs where name = 'probe'")
    ).rows;
    expect(rows[0]!.n).toBe(1);
    await second.close();
  }, 60_000);
});
