import { eq } from "drizzle-orm";
import { catalogItems, catalogs, evaluations } from "../db/schema.ts";
import { scorePeriod } from "../modules/scoring/service.ts";
import { type Client, createTestApp, type TestApp } from "./harness.ts";

/**
 * Shared setup of the monthly-cycle tests: an app whose clock the test moves, an approved catalog
 * of Nguyệt An written straight into the database (the catalog module has its own tests), a
 * period opened through the API, and a multipart upload of evidence.
 */

export interface Clock {
  /** Sets the clock to noon (Vietnam) of an ISO day. */
  set(day: string): void;
  now(): Date;
}

export function makeClock(day: string): Clock {
  let at = new Date(`${day}T05:00:00Z`);
  return {
    set: (d) => {
      at = new Date(`${d}T05:00:00Z`);
    },
    now: () => at,
  };
}

/**
 * A signed-in client that survives the test moving the clock past the session's idle limit: on a
 * 401 it signs in again and repeats the request.
 */
export async function signIn(t: TestApp, username: string): Promise<Client> {
  let inner = await t.as(username);
  const request: Client["request"] = async (method, url, body, headers) => {
    const res = await inner.request(method, url, body, headers);
    if (res.statusCode !== 401) return res;
    inner = await t.as(username);
    return inner.request(method, url, body, headers);
  };
  return {
    get csrf() {
      return inner.csrf;
    },
    get cookie() {
      return inner.cookie;
    },
    request,
    get: (url) => request("GET", url),
    post: (url, body) => request("POST", url, body ?? {}),
    patch: (url, body) => request("PATCH", url, body ?? {}),
    delete: (url) => request("DELETE", url),
  };
}

export async function createCycleApp(day = "2026-06-01"): Promise<{ t: TestApp; clock: Clock }> {
  const clock = makeClock(day);
  const t = await createTestApp({ now: () => clock.now() });
  return { t, clock };
}

/** The T1 items of decree-335.md §10 with standard points 5: coefficients 1, 12, 9, 6 (and 1.6). */
export const t1Items: [code: string, task: string, points: string][] = [
  ["DC.01", "Văn bản hành chính đơn giản", "5"],
  ["DC.05", "Báo cáo định kỳ", "60"],
  ["DC.09", "Dự thảo quyết định cá biệt", "45"],
  ["KTDC.03", "Văn bản cung cấp thông tin đất đai", "30"],
  ["DC.27", "Công việc phát sinh", "8"],
];

/** An approved catalog of an agency with the given items; returns item ids by code. */
export async function seedCatalog(
  t: TestApp,
  items = t1Items,
  options: { agencyId?: string; effectiveFrom?: string; id?: string } = {},
): Promise<Record<string, string>> {
  const catalogId = options.id ?? `cat-${options.agencyId ?? "nguyet-an"}`;
  await t.deps.db.insert(catalogs).values({
    id: catalogId,
    agencyId: options.agencyId ?? "nguyet-an",
    versionNo: 1,
    name: "Danh mục sản phẩm quy đổi (thử nghiệm)",
    standardUnitName: "Văn bản hành chính đơn giản",
    standardPoints: "5",
    status: "approved",
    effectiveFrom: options.effectiveFrom ?? "2026-01-01",
  });
  const ids: Record<string, string> = {};
  await t.deps.db.insert(catalogItems).values(
    items.map(([code, task, points], i) => {
      ids[code] = `${catalogId}-${code}`;
      return {
        id: ids[code]!,
        catalogId,
        section: "division",
        code,
        task,
        output: task,
        complexityGroup: "N1",
        points,
        searchText: task.toLowerCase(),
        sortOrder: i,
      };
    }),
  );
  return ids;
}

export async function openPeriod(hr: Client, year = 2026, number = 6, agencyId = "nguyet-an") {
  const res = await hr.post("/api/v1/work/periods", { agencyId, year, number });
  if (res.statusCode !== 200) throw new Error(`open period: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; [key: string]: unknown };
}

export async function assign(
  manager: Client,
  periodId: string,
  body: { catalogItemId: string; quantity: number; deadline?: string | null; personId?: string; source?: string },
) {
  const { personId = "p-na-12", ...rest } = body;
  const res = await manager.post(`/api/v1/work/periods/${periodId}/assignments`, {
    target: { kind: "people", personIds: [personId] },
    ...rest,
  });
  if (res.statusCode !== 200) throw new Error(`assign: ${res.statusCode} ${res.body}`);
  return res.json().items[0] as { id: string; version: number; [key: string]: unknown };
}

export async function deliver(
  staff: Client,
  assignmentId: string,
  body: { quantity: number; deliveredOn: string; documentNumber?: string; fileIds?: string[] },
) {
  const res = await staff.post(`/api/v1/work/assignments/${assignmentId}/deliveries`, {
    documentNumber: "123/UBND",
    ...body,
  });
  if (res.statusCode !== 200) throw new Error(`deliver: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; delays: number; daysLate: number; [key: string]: unknown };
}

export async function review(
  manager: Client,
  deliveryId: string,
  version: number,
  outcome: "pass" | "fail",
  note?: string,
) {
  const res = await manager.post(`/api/v1/work/deliveries/${deliveryId}/review`, { outcome, version, note });
  if (res.statusCode !== 200) throw new Error(`review: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; [key: string]: unknown };
}

/** Mẫu 01 sub-scores adding up to 27.5 (decree-335.md §10 T1). */
export const scores27_5 = {
  "I.1": 5,
  "I.2": 5,
  "II.1": 2.5,
  "II.2": 2.5,
  "II.3": 2,
  "II.4": 2.5,
  "III.1": 2,
  "III.2": 2,
  "III.3": 2,
  "III.4": 2,
};

export const fullScores = {
  "I.1": 5,
  "I.2": 5,
  "II.1": 2.5,
  "II.2": 2.5,
  "II.3": 2.5,
  "II.4": 2.5,
  "III.1": 2.5,
  "III.2": 2.5,
  "III.3": 2.5,
  "III.4": 2.5,
};

export const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

export async function uploadEvidence(t: TestApp, user: Client, content: Buffer, filename: string, unitId = "na-kt") {
  const boundary = "----tdwork";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`;
  return t.app.inject({
    method: "POST",
    url: `/api/v1/files?unitId=${unitId}`,
    payload: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      cookie: user.cookie!,
      "x-csrf-token": user.csrf,
    },
  });
}

/** The totals a full, bottom-up re-score of the period would store, by person; the re-score is rolled back. */
export async function fullRescore(t: TestApp, periodId: string): Promise<Map<string, string | null>> {
  const rollback = new Error("rollback");
  let totals = new Map<string, string | null>();
  await t.deps.db
    .transaction(async (tx) => {
      await scorePeriod(tx, periodId);
      const rows = await tx
        .select({ personId: evaluations.personId, total: evaluations.total })
        .from(evaluations)
        .where(eq(evaluations.periodId, periodId));
      totals = new Map(rows.map((r) => [r.personId, r.total]));
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return totals;
}
