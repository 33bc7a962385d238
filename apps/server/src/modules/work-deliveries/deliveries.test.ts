import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestApp } from "../../test/harness.ts";
import {
  assign,
  type Clock,
  createCycleApp,
  deliver,
  openPeriod,
  pdf,
  seedCatalog,
  signIn,
  uploadEvidence,
} from "../../test/work-fixtures.ts";

let t: TestApp;
let clock: Clock;
let manager: Client;
let staff: Client;
let periodId: string;
let items: Record<string, string>;
let line: { id: string; version: number };

beforeAll(async () => {
  ({ t, clock } = await createCycleApp("2026-06-02"));
  items = await seedCatalog(t);
  manager = await signIn(t, "manager");
  staff = await signIn(t, "staff");
  periodId = (await openPeriod(await signIn(t, "hr"))).id;
  line = await assign(manager, periodId, { catalogItemId: items["DC.01"]!, quantity: 5, deadline: "2026-06-10" });
});
afterAll(() => t.close());

const deliveries = (id: string) => `/api/v1/work/assignments/${id}/deliveries`;

describe("deliver (staff)", () => {
  it("needs evidence: a file, a document number or a link", async () => {
    const res = await staff.post(deliveries(line.id), { quantity: 1, deliveredOn: "2026-06-02" });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues[0].message).toBe(
      "Cần ít nhất một tệp minh chứng, hoặc số văn bản, hoặc đường dẫn tới sản phẩm.",
    );
  });

  it("records a delivery with evidence files checked by content", async () => {
    const file = (await uploadEvidence(t, staff, pdf, "công văn.pdf")).json();
    const res = await staff.post(deliveries(line.id), {
      quantity: 2,
      deliveredOn: "2026-06-02",
      fileIds: [file.id],
      link: "https://vanban.nguyetan.gov.vn/cv-12",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      quantity: 2,
      deliveredOn: "2026-06-02",
      link: "https://vanban.nguyetan.gov.vn/cv-12",
      files: [{ id: file.id, name: "công văn.pdf", mime: "application/pdf" }],
      delays: 0,
      daysLate: 0,
      reviewStatus: "pending",
    });
    const exe = Buffer.from("4d5a90000300000004000000ffff0000", "hex");
    expect((await uploadEvidence(t, staff, exe, "virus.pdf")).statusCode).toBe(422);
  });

  it("shows a late delivery's delay at once", async () => {
    clock.set("2026-06-13");
    const res = await deliver(staff, line.id, { quantity: 1, deliveredOn: "2026-06-13" });
    expect(res).toMatchObject({ deadline: "2026-06-10", daysLate: 3, delays: 1 });
  });

  it("refuses more than what is left, a future date, and someone else's line", async () => {
    const tooMany = await staff.post(deliveries(line.id), {
      quantity: 3,
      deliveredOn: "2026-06-13",
      documentNumber: "1",
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().details.issues[0].message).toBe("Số lượng vượt phần còn phải hoàn thành của nhiệm vụ (2).");
    const future = await staff.post(deliveries(line.id), {
      quantity: 1,
      deliveredOn: "2026-06-14",
      documentNumber: "1",
    });
    expect(future.json().details.issues[0].message).toBe("Ngày hoàn thành không được sau ngày hôm nay.");
    const byManager = await manager.post(deliveries(line.id), {
      quantity: 1,
      deliveredOn: "2026-06-13",
      documentNumber: "1",
    });
    expect(byManager.statusCode).toBe(403);
  });
});

describe("review (manager)", () => {
  let pending: { id: string; version: number };

  it("the review queue lists pending deliveries in scope", async () => {
    const res = await manager.get(`/api/v1/work/periods/${periodId}/deliveries?reviewStatus=pending`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.total).toBe(2);
    expect(page.items[0]).toMatchObject({ personName: "Nguyễn Văn Đức", itemCode: "DC.01", coefficient: 1 });
    pending = page.items[1];
    expect((await staff.get(`/api/v1/work/periods/${periodId}/deliveries`)).statusCode).toBe(403);
  });

  it("staff cannot review; a fail needs a note and counts one failed review", async () => {
    const byStaff = await staff.post(`/api/v1/work/deliveries/${pending.id}/review`, {
      outcome: "pass",
      version: pending.version,
    });
    expect(byStaff.statusCode).toBe(403);
    const noNote = await manager.post(`/api/v1/work/deliveries/${pending.id}/review`, {
      outcome: "fail",
      version: pending.version,
    });
    expect(noNote.statusCode).toBe(400);
    const fail = await manager.post(`/api/v1/work/deliveries/${pending.id}/review`, {
      outcome: "fail",
      version: pending.version,
      note: "Sai thể thức văn bản",
    });
    expect(fail.statusCode).toBe(200);
    expect(fail.json()).toMatchObject({
      reviewStatus: "failed",
      failedReviews: 1,
      events: [{ kind: "review_fail", note: "Sai thể thức văn bản", actorName: "Trần Quốc Hùng" }],
    });
    const stale = await manager.post(`/api/v1/work/deliveries/${pending.id}/review`, {
      outcome: "pass",
      version: pending.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().details).toEqual({ currentVersion: fail.json().version });
    pending = fail.json();
  });

  it("an objective cause cancels a failure, never more than were recorded", async () => {
    const body = {
      version: pending.version,
      kind: "failure",
      confirmedBy: "Phó Chủ tịch UBND xã",
      reason: "Mẫu văn bản của tỉnh thay đổi",
    };
    const ok = await manager.post(`/api/v1/work/deliveries/${pending.id}/excuse`, body);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ failedReviews: 1, excusedFailedReviews: 1 });
    expect(ok.json().events.at(-1)).toMatchObject({ kind: "excuse_failure", confirmedBy: "Phó Chủ tịch UBND xã" });
    const again = await manager.post(`/api/v1/work/deliveries/${pending.id}/excuse`, {
      ...body,
      version: ok.json().version,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().details.issues[0].message).toBe(
      "Không còn lần chưa đạt hoặc chậm tiến độ nào chưa được miễn trừ.",
    );
  });

  it("an extension moves the deadline; a later delivery past it counts one more delay", async () => {
    const current = (await manager.get(`/api/v1/work/periods/${periodId}/assignments?personId=p-na-12`)).json()
      .items[0];
    const early = await manager.post(`/api/v1/work/assignments/${line.id}/extension`, {
      version: current.version,
      newDeadline: "2026-06-09",
      reason: "x",
    });
    expect(early.json().details.issues[0].message).toBe(
      "Thời hạn gia hạn phải sau thời hạn đang áp dụng (10/06/2026).",
    );
    const res = await manager.post(`/api/v1/work/assignments/${line.id}/extension`, {
      version: current.version,
      newDeadline: "2026-06-15",
      reason: "Chờ ý kiến phòng chuyên môn",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      deadline: "2026-06-10",
      extendedDeadline: "2026-06-15",
      events: [{ kind: "extension", newDeadline: "2026-06-15" }],
    });
    clock.set("2026-06-17");
    const late = await deliver(staff, line.id, { quantity: 1, deliveredOn: "2026-06-17" });
    expect(late).toMatchObject({ deadline: "2026-06-15", daysLate: 2, delays: 2 });
  });

  it("another division's manager and the staff cannot extend; the head of the commune can", async () => {
    const current = (await manager.get(`/api/v1/work/periods/${periodId}/assignments?personId=p-na-12`)).json()
      .items[0];
    const body = { version: current.version, newDeadline: "2026-06-30", reason: "Bổ sung hồ sơ" };
    expect((await staff.post(`/api/v1/work/assignments/${line.id}/extension`, body)).statusCode).toBe(403);
    expect(
      (await (await signIn(t, "head")).post(`/api/v1/work/assignments/${line.id}/extension`, body)).statusCode,
    ).toBe(200);
  });

  it("staff delete their own delivery only while it is unreviewed", async () => {
    const d = await deliver(staff, line.id, { quantity: 1, deliveredOn: "2026-06-17" });
    expect((await manager.delete(`/api/v1/work/deliveries/${d.id}`)).statusCode).toBe(403);
    expect((await staff.delete(`/api/v1/work/deliveries/${d.id}`)).statusCode).toBe(200);
    expect((await staff.delete(`/api/v1/work/deliveries/${pending.id}`)).statusCode).toBe(409);
  });
});

describe("deliveries at once (a month-end)", () => {
  it("deliveries sent at once share what is left: those past it are refused, the others recorded and audited", async () => {
    const small = await assign(manager, periodId, {
      catalogItemId: items["DC.01"]!,
      quantity: 2,
      deadline: "2026-06-30",
    });
    const sent = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        staff.post(deliveries(small.id), { quantity: 0.5, deliveredOn: "2026-06-13", documentNumber: `${i}/BC` }),
      ),
    );
    expect(sent.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 400]);
    expect(sent.find((r) => r.statusCode === 400)!.json().details.issues[0].message).toBe(
      "Số lượng vượt phần còn phải hoàn thành của nhiệm vụ (0).",
    );
    const recorded = sent.filter((r) => r.statusCode === 200).map((r) => r.json().id as string);
    const { auditLog } = await import("../../db/schema.ts");
    const { inArray } = await import("drizzle-orm");
    const audited = await t.deps.db
      .select({ entityId: auditLog.entityId, actorName: auditLog.actorName, action: auditLog.action })
      .from(auditLog)
      .where(inArray(auditLog.entityId, recorded));
    expect(audited.map((a) => a.entityId).sort()).toEqual([...recorded].sort());
    expect(new Set(audited.map((a) => `${a.actorName}: ${a.action}`))).toEqual(new Set(["Nguyễn Văn Đức: create"]));
    const month = (await staff.get(`/api/v1/me/month?periodId=${periodId}`)).json();
    expect(month.assignments.find((l: { id: string }) => l.id === small.id)).toMatchObject({
      deliveredQuantity: 2,
      remainingQuantity: 0,
    });
  });
});
