import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../../apps/server/src/server.ts";
import { type E2eServer, webDist } from "./server.ts";

/**
 * Like `startE2eServer`, but serving a private copy of the built web app: a long journey keeps
 * working when someone rebuilds apps/web/dist meanwhile (the hashed chunks it loads lazily would
 * otherwise vanish mid-run and answer 404).
 */
export async function startE2eServerOnSnapshot(): Promise<E2eServer> {
  if (!existsSync(`${webDist}/index.html`))
    throw new Error(`No built web app in ${webDist}: run "npm run build:web" before the e2e tests.`);
  const copy = mkdtempSync(join(tmpdir(), "thuocdo-web-"));
  cpSync(webDist, copy, { recursive: true });
  const server = await startServer({ port: 0, database: { kind: "memory" }, demo: true, webDist: copy, logger: false });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(copy, { recursive: true, force: true });
    },
  };
}
