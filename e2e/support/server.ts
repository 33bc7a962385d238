import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startServer } from "../../apps/server/src/server.ts";

export const webDist = fileURLToPath(new URL("../../apps/web/dist", import.meta.url));

export interface E2eServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A real server on a free port, an in-memory database with the demo province,
 * serving the built web app. Build it first: `npm run build:web` (`npm run test:e2e` does).
 * The generated demo year is off by default: journeys start from a clean month
 * and set up what they need through the API.
 */
export async function startE2eServer(options: { demoActivity?: boolean } = {}): Promise<E2eServer> {
  if (!existsSync(`${webDist}/index.html`))
    throw new Error(`No built web app in ${webDist}: run "npm run build:web" before the e2e tests.`);
  return startServer({
    port: 0,
    database: { kind: "memory" },
    demo: true,
    demoActivity: options.demoActivity ?? false,
    webDist,
    logger: false,
  });
}
