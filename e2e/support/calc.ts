import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Runs the calculator CLI (`npm run -s thuocdo -- calc`, i.e. `node --import tsx
 * apps/server/src/cli/main.ts calc`) on one JSON document and returns its JSON result: the
 * independent reference a journey's on-screen numbers are compared with.
 */
export function runCalcCli(document: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/cli/main.ts", "calc"], {
      cwd: root,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString("utf8");
    });
    child.stderr.on("data", (b: Buffer) => {
      err += b.toString("utf8");
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`thuocdo calc exited ${code}: ${err}`));
      else resolve(JSON.parse(out) as Record<string, unknown>);
    });
    child.stdin.end(JSON.stringify(document));
  });
}
