import type { healthSchema } from "@thuocdo/contract";
import type { z } from "zod";
import type { Deps } from "../../context.ts";
import { schemaVersion } from "../../db/migrate.ts";
import { appVersion } from "../../version.ts";

/** Liveness plus what an operator asks first: which database, which schema. */
export async function health(deps: Deps): Promise<z.input<typeof healthSchema>> {
  try {
    const { tag, count } = await schemaVersion(deps.database);
    return { status: "ok", database: deps.database.kind, schemaVersion: tag, migrations: count, version: appVersion };
  } catch {
    return {
      status: "degraded",
      database: deps.database.kind,
      schemaVersion: "unknown",
      migrations: 0,
      version: appVersion,
    };
  }
}
