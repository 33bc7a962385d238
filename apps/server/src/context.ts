import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database, Db } from "./db/database.ts";
import { diskFileStore, type FileStore } from "./lib/file-store.ts";

/**
 * What services need from the outside world, passed explicitly: the
 * database, the clock and the file store. Tests substitute the clock to
 * cross deadlines.
 */
export interface Deps {
  database: Database;
  db: Db;
  now: () => Date;
  files: FileStore;
}

export function makeDeps(database: Database, options: { now?: () => Date; filesDir?: string } = {}): Deps {
  const filesDir = options.filesDir ?? mkdtempSync(join(tmpdir(), "thuocdo-files-"));
  return { database, db: database.db, now: options.now ?? (() => new Date()), files: diskFileStore(filesDir) };
}
