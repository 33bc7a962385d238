import { buildUrl, endpoints } from "@thuocdo/contract";
import { generalSubCriteria } from "@thuocdo/core";
import { ApiSession } from "../../e2e/support/api.ts";
import type { ChildServer } from "../support/child.ts";
import { type LoadResult, runLoad } from "./load.ts";
import type { BurstUser } from "./setup-repo.ts";

export interface BurstMeasure {
  users: number;
  /** One load result per run, back to back against the same server. */
  product: LoadResult[];
  rssBefore: number;
  rssPeak: number;
  /** Resident memory a few seconds after each run: growth from run to run would be a leak. */
  rssAfter: number[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ConflictBody = { details: { currentVersion: number } };

async function refreshVersion(url: string, c: Connection): Promise<void> {
  const res = await fetch(`${url}${endpoints.myMonth.path}?periodId=${c.user.periodId}`, { headers: c.headers });
  const month = (await res.json()) as { evaluation: { status: string; version: number } | null };
  c.version = !month.evaluation || month.evaluation.status === "draft" ? null : month.evaluation.version;
}

const fullScores = Object.fromEntries(generalSubCriteria.map((s) => [s.code, s.max]));
interface Connection {
  user: BurstUser;
  headers: Record<string, string>;
  version: number | null;
}

/**
 * Measure 2: the last days of a month. Each connection is one civil servant recording a small
 * delivery against their line, then sending their self-evaluation (with the version the last one
 * returned), over and over; `runs` times against the same server, its memory read after each.
 */
export async function measureBurst(
  app: ChildServer,
  users: readonly BurstUser[],
  options: { connections: number; seconds: number; today: string; runs: number },
): Promise<BurstMeasure> {
  const sessions: Connection[] = [];
  for (const user of users) {
    const session = await ApiSession.login(app.url, user.username);
    sessions.push({ user, headers: session.headers(), version: user.version });
  }
  let next = 0;
  type Context = { connection?: Connection };
  const connectionOf = (context: Context) => {
    context.connection ??= sessions[next++ % sessions.length]!;
    return context.connection;
  };
  const rssBefore = app.rss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, app.rss());
  }, 100);
  const load = () =>
    runLoad({
      url: app.url,
      connections: options.connections,
      duration: options.seconds,
      requests: [
        {
          method: "POST",
          setupRequest: (request, context) => {
            const c = connectionOf(context as Context);
            return {
              ...request,
              path: buildUrl(endpoints.createDelivery.path, { id: c.user.assignmentId }),
              headers: c.headers,
              body: JSON.stringify({ quantity: 0.01, deliveredOn: options.today, documentNumber: "BENCH/2026" }),
            };
          },
        },
        {
          method: "PUT",
          setupRequest: (request, context) => {
            const c = connectionOf(context as Context);
            return {
              ...request,
              path: buildUrl(endpoints.submitSelfEvaluation.path, { id: c.user.periodId }),
              headers: c.headers,
              body: JSON.stringify({
                ...(c.version === null ? {} : { version: c.version }),
                scores: fullScores,
                selfAssessment: "Hoàn thành nhiệm vụ trong tháng.",
              }),
            };
          },
          onResponse: (status, body, context) => {
            const c = connectionOf(context as Context);
            if (status === 200) c.version = (JSON.parse(body) as { version: number }).version;
            // As the web app does: a conflict carries the version to send next time.
            if (status === 409) c.version = (JSON.parse(body) as ConflictBody).details.currentVersion;
          },
        },
      ],
    });
  const product: LoadResult[] = [];
  const rssAfter: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    // A run's end cuts requests the server still completes: read each evaluation's version again.
    if (run > 0) await Promise.all(sessions.map((c) => refreshVersion(app.url, c)));
    product.push(await load());
    // Let the collector catch up before reading: the question is what stays, not what is in flight.
    await pause(3000);
    rssAfter.push(app.rss());
  }
  clearInterval(sampler);
  return { users: sessions.length, product, rssBefore, rssPeak, rssAfter };
}

/** The burst's floor: the same connections, duration and runs against a bare route doing one insert. */
export async function measureFloorBurst(
  floorUrl: string,
  options: { connections: number; seconds: number; runs: number },
): Promise<LoadResult[]> {
  const results: LoadResult[] = [];
  for (let run = 0; run < options.runs; run++) results.push(await floorLoad(floorUrl, options));
  return results;
}

function floorLoad(floorUrl: string, options: { connections: number; seconds: number }): Promise<LoadResult> {
  return runLoad({
    url: `${floorUrl}/floor`,
    method: "POST",
    connections: options.connections,
    duration: options.seconds,
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ quantity: 0.01, deliveredOn: "2026-12-30", documentNumber: "BENCH/2026" }),
  });
}
