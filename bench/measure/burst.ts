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

async function refreshVersion(url: string, m: Member): Promise<void> {
  const res = await fetch(`${url}${endpoints.myMonth.path}?periodId=${m.user.periodId}`, { headers: m.headers });
  const month = (await res.json()) as { evaluation: { status: string; version: number } | null };
  m.version = !month.evaluation || month.evaluation.status === "draft" ? null : month.evaluation.version;
}

const fullScores = Object.fromEntries(generalSubCriteria.map((s) => [s.code, s.max]));

/** One civil servant of the burst, signed in, with the version their last self-evaluation left. */
interface Member {
  user: BurstUser;
  headers: Record<string, string>;
  version: number | null;
}

/** Signs users in a few at a time: each login verifies a password (scrypt), which uses the server's thread pool. */
async function signIn(url: string, users: readonly BurstUser[]): Promise<Member[]> {
  const members: Member[] = [];
  for (let i = 0; i < users.length; i += 8) {
    const logins = users.slice(i, i + 8).map(async (user) => {
      const session = await ApiSession.login(url, user.username);
      return { user, headers: session.headers(), version: user.version };
    });
    members.push(...(await Promise.all(logins)));
  }
  return members;
}

/**
 * Measure 2: the last days of a month. Each connection takes a civil servant who is not busy, records
 * a small delivery against their line, sends their self-evaluation (with the version the last one
 * returned), and lets them go; so no two connections ever act for one person, and the month's work
 * spreads over many people (`users`, more than connections). `runs` times against the same server,
 * its memory read after each.
 */
export async function measureBurst(
  app: ChildServer,
  users: readonly BurstUser[],
  options: { connections: number; seconds: number; today: string; runs: number; quantity: number },
): Promise<BurstMeasure> {
  const members = await signIn(app.url, users);
  const idle = [...members];
  // Autocannon starts each round of [delivery, self-evaluation] with a fresh context.
  type Context = { member?: Member };
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
            const c = context as Context;
            // Only a request the load generator gave up on keeps its person from coming back.
            c.member = idle.shift() ?? members[Math.floor(Math.random() * members.length)]!;
            return {
              ...request,
              path: buildUrl(endpoints.createDelivery.path, { id: c.member.user.assignmentId }),
              headers: c.member.headers,
              body: JSON.stringify({
                quantity: options.quantity,
                deliveredOn: options.today,
                documentNumber: "BENCH/2026",
              }),
            };
          },
        },
        {
          method: "PUT",
          setupRequest: (request, context) => {
            const m = (context as Context).member!;
            return {
              ...request,
              path: buildUrl(endpoints.submitSelfEvaluation.path, { id: m.user.periodId }),
              headers: m.headers,
              body: JSON.stringify({
                ...(m.version === null ? {} : { version: m.version }),
                scores: fullScores,
                selfAssessment: "Hoàn thành nhiệm vụ trong tháng.",
              }),
            };
          },
          onResponse: (status, body, context) => {
            const m = (context as Context).member!;
            if (status === 200) m.version = (JSON.parse(body) as { version: number }).version;
            // As the web app does: a conflict carries the version to send next time.
            if (status === 409) m.version = (JSON.parse(body) as ConflictBody).details.currentVersion;
            idle.push(m);
          },
        },
      ],
    });
  const product: LoadResult[] = [];
  const rssAfter: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    // A run's end cuts requests the server still completes: read each evaluation's version again.
    if (run > 0) {
      await Promise.all(members.map((m) => refreshVersion(app.url, m)));
      idle.splice(0, idle.length, ...members);
    }
    product.push(await load());
    // Let the collector catch up before reading: the question is what stays, not what is in flight.
    await pause(3000);
    rssAfter.push(app.rss());
  }
  clearInterval(sampler);
  return { users: members.length, product, rssBefore, rssPeak, rssAfter };
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
