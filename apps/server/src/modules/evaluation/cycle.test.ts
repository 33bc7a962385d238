import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestApp } from "../../test/harness.ts";
import {
  assign,
  type Clock,
  createCycleApp,
  deliver,
  fullScores,
  openPeriod,
  review,
  scores27_5,
  seedCatalog,
  signIn,
} from "../../test/work-fixtures.ts";

let t: TestApp;
let clock: Clock;
let hr: Client;
let head: Client;
let manager: Client;
let staff: Client;
let periodId: string;
let items: Record<string, string>;
let line: { id: string; version: number };

beforeAll(async () => {
  ({ t, clock } = await createCycleApp("2026-06-02"));
  items = await seedCatalog(t);
  hr = await signIn(t, "hr");
  head = await signIn(t, "head");
  manager = await signIn(t, "manager");
  staff = await signIn(t, "staff");
  periodId = (await openPeriod(hr)).id;
  line = await assign(manager, periodId, { catalogItemId: items["DC.01"]!, quantity: 2, deadline: "2026-06-20" });
  const d = await deliver(staff, line.id, { quantity: 2, deliveredOn: "2026-06-02" });
  await review(manager, d.id, d.version, "pass");
});
afterAll(() => t.close());

const selfUrl = () => `/api/v1/work/periods/${periodId}/self-evaluation`;

describe("self-evaluation (staff)", () => {
  it("gives the Mẫu 01 criteria with maxima and help text", async () => {
    const res = await staff.get("/api/v1/evaluations/general-criteria");
    expect(res.statusCode).toBe(200);
    const criteria = res.json();
    expect(criteria.map((c: { max: number }) => c.max)).toEqual([10, 10, 10]);
    expect(criteria[1].subCriteria.map((s: { code: string; max: number }) => [s.code, s.max])).toEqual([
      ["II.1", 2.5],
      ["II.2", 2.5],
      ["II.3", 2.5],
      ["II.4", 2.5],
    ]);
  });

  it("rejects a sub-score above its maximum, in Vietnamese", async () => {
    const res = await staff.request("PUT", selfUrl(), {
      scores: { ...fullScores, "II.1": 3 },
      selfAssessment: "Tự đánh giá",
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.issues).toEqual([
      { path: ["body", "scores", "II.1"], message: "Điểm tiêu chí II.1 không được vượt quá 2,5." },
    ]);
  });

  it("submits: the live score uses the self points and the manager is told", async () => {
    const res = await staff.request("PUT", selfUrl(), { scores: fullScores, selfAssessment: "Hoàn thành tốt." });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "submitted",
      selfGeneral: 30,
      score: { total: 100, generalSource: "self" },
    });
    const notices = (await manager.get("/api/v1/notifications")).json();
    expect(notices.items.map((n: { title: string }) => n.title)).toContain(
      "Nguyễn Văn Đức đã nộp phiếu tự đánh giá Tháng 6/2026.",
    );
  });

  it("a second submission needs the current version", async () => {
    const stale = await staff.request("PUT", selfUrl(), { scores: scores27_5, selfAssessment: "Sửa lại." });
    expect(stale.statusCode).toBe(409);
    const current = stale.json().details.currentVersion;
    const res = await staff.request("PUT", selfUrl(), {
      version: current,
      scores: scores27_5,
      selfAssessment: "Sửa lại.",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().selfGeneral).toBe(27.5);
  });
});

describe("confirm (manager, then head)", () => {
  it("staff cannot confirm; a manager of another division cannot; the manager can", async () => {
    const ev = (await manager.get(`/api/v1/work/periods/${periodId}/people/p-na-12/evaluation`)).json();
    expect(ev.can).toEqual({ selfEvaluate: false, confirm: true, headConfirm: false });
    const body = { version: ev.version, scores: scores27_5, comment: "Đạt yêu cầu." };
    expect((await staff.post(`/api/v1/evaluations/${ev.id}/confirm`, body)).statusCode).toBe(403);
    const res = await manager.post(`/api/v1/evaluations/${ev.id}/confirm`, body);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: "confirmed",
      confirmedGeneral: 27.5,
      confirmedByName: "Trần Quốc Hùng",
    });
    expect(res.json().score).toMatchObject({ total: 97.5, generalSource: "confirmed", level: "excellent" });
    const after = await staff.request("PUT", selfUrl(), {
      version: res.json().version,
      scores: fullScores,
      selfAssessment: "x",
    });
    expect(after.json().details.issues[0].message).toBe(
      "Phiếu đã được nhận xét, xác nhận nên không sửa tự đánh giá được nữa.",
    );
  });

  it("đ and e for leaders: required, and 50% needs a reason", async () => {
    // The head of the commune evaluates the division's head (Trần Quốc Hùng, the manager).
    await assign(head, periodId, { catalogItemId: items["DC.05"]!, quantity: 1, personId: "p-na-10" });
    const self = await manager.request("PUT", selfUrl(), { scores: fullScores, selfAssessment: "Lãnh đạo phòng." });
    expect(self.statusCode).toBe(200);
    const ev = self.json();
    expect(
      (await manager.post(`/api/v1/evaluations/${ev.id}/confirm`, { version: ev.version, scores: fullScores }))
        .statusCode,
    ).toBe(403);
    const missing = await head.post(`/api/v1/evaluations/${ev.id}/confirm`, {
      version: ev.version,
      scores: fullScores,
      organizing: 0.5,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details.issues.map((i: { message: string }) => i.message)).toEqual([
      "Cần đánh giá tiêu chí đ (tổ chức thực hiện) và e (đoàn kết) của công chức lãnh đạo.",
      "Mức 50% cần ghi rõ lý do.",
    ]);
    const ok = await head.post(`/api/v1/evaluations/${ev.id}/confirm`, {
      version: ev.version,
      scores: fullScores,
      organizing: 0.5,
      organizingReason: "Chưa đôn đốc kịp tiến độ báo cáo quý",
      unity: 1,
    });
    expect(ok.statusCode).toBe(200);
    const leader = ok.json().score.result;
    // Nothing delivered: a = b = c = 0; d = 100% (every scored staff ≥ 50), đ = 50%, e = 100%.
    expect(leader.explanation.leader.d).toMatchObject({ value: 1, rule: "all_at_least_min" });
    expect(leader.taskScore).toBe(2.5 / 6);
    expect(ok.json().organizingReason).toBe("Chưa đôn đốc kịp tiến độ báo cáo quý");
  });

  it("two managers confirming the same version at once: one wins, the other gets a conflict", async () => {
    // Two sessions of evaluators re-confirm Nguyễn Văn Đức's evaluation from the same version.
    const mai = await signIn(t, "manager");
    const hung = await signIn(t, "manager");
    const current = (await mai.get(`/api/v1/work/periods/${periodId}/people/p-na-12/evaluation`)).json();
    const [a, b] = await Promise.all([
      mai.post(`/api/v1/evaluations/${current.id}/confirm`, {
        version: current.version,
        scores: fullScores,
        comment: "A",
      }),
      hung.post(`/api/v1/evaluations/${current.id}/confirm`, {
        version: current.version,
        scores: scores27_5,
        comment: "B",
      }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    const winner = a.statusCode === 200 ? a : b;
    expect(loser.json()).toMatchObject({
      code: "CONFLICT",
      message: "Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và thử lại.",
      details: { currentVersion: current.version + 1 },
    });
    const final = (await staff.get(`/api/v1/evaluations/${current.id}`)).json();
    expect(final.version).toBe(current.version + 1);
    expect(final.managerComment).toBe(winner.json().managerComment);
    expect(final.confirmedGeneral).toBe(winner.json().confirmedGeneral);
  });
});

describe("lock, locked period, reopen", () => {
  it("refuses to lock while people are unconfirmed, unless forced with a reason", async () => {
    const period = (await hr.get(`/api/v1/work/periods/${periodId}`)).json();
    expect((await manager.post(`/api/v1/work/periods/${periodId}/lock`, { version: period.version })).statusCode).toBe(
      403,
    );
    const refused = await hr.post(`/api/v1/work/periods/${periodId}/lock`, { version: period.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details.issues[0].message).toMatch(/^Còn \d+ phiếu đánh giá chưa được xác nhận\./);
    const noReason = await hr.post(`/api/v1/work/periods/${periodId}/lock`, { version: period.version, force: true });
    expect(noReason.json().details.issues[0].message).toBe("Khóa kỳ khi còn phiếu chưa xác nhận cần ghi lý do.");
    clock.set("2026-07-03");
    const locked = await head.post(`/api/v1/work/periods/${periodId}/lock`, {
      version: period.version,
      force: true,
      reason: "Một số công chức nghỉ phép dài ngày",
    });
    expect(locked.statusCode).toBe(200);
    expect(locked.json()).toMatchObject({ status: "locked", lockedByName: "Lê Văn Thành" });
  });

  it("nobody edits anything of a locked period", async () => {
    const ev = (await staff.get(`/api/v1/me/month?periodId=${periodId}`)).json();
    const attempts = [
      await staff.request("PUT", selfUrl(), {
        version: ev.evaluation.version,
        scores: fullScores,
        selfAssessment: "x",
      }),
      await manager.post(`/api/v1/evaluations/${ev.evaluation.id}/confirm`, {
        version: ev.evaluation.version,
        scores: fullScores,
      }),
      await manager.post(`/api/v1/work/periods/${periodId}/assignments`, {
        target: { kind: "people", personIds: ["p-na-12"] },
        catalogItemId: items["DC.01"],
        quantity: 1,
      }),
      await staff.post(`/api/v1/work/assignments/${line.id}/deliveries`, {
        quantity: 1,
        deliveredOn: "2026-06-30",
        documentNumber: "1",
      }),
      await manager.post(`/api/v1/work/assignments/${line.id}/hand-back`, {
        version: ev.assignments[0].version,
        quantity: 1,
        reason: "x",
      }),
      await manager.post(`/api/v1/work/deliveries/${ev.assignments[0].deliveries[0].id}/review`, {
        outcome: "fail",
        version: ev.assignments[0].deliveries[0].version,
        note: "x",
      }),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(423);
      expect(res.json()).toMatchObject({
        code: "PERIOD_LOCKED",
        message: "Kỳ đánh giá đã khóa; cần mở lại kỳ (có lý do) trước khi sửa.",
      });
    }
  });

  it("reopens only with a reason, recorded with before/after in the audit log", async () => {
    const period = (await hr.get(`/api/v1/work/periods/${periodId}`)).json();
    const noReason = await hr.post(`/api/v1/work/periods/${periodId}/reopen`, { version: period.version, reason: " " });
    expect(noReason.statusCode).toBe(400);
    const res = await hr.post(`/api/v1/work/periods/${periodId}/reopen`, {
      version: period.version,
      reason: "Bổ sung kết quả của đồng chí Mai Thị Hồng",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe("open");
    const audit = (await hr.get(`/api/v1/audit?entity=period&entityId=${periodId}`)).json();
    const reopen = audit.items.find((a: { action: string }) => a.action === "reopen");
    expect(reopen).toMatchObject({
      reason: "Bổ sung kết quả của đồng chí Mai Thị Hồng",
      before: { status: "locked" },
      after: { status: "open", lockedAt: null },
    });
    const evAudit = (await hr.get("/api/v1/audit?entity=evaluation")).json();
    const confirm = evAudit.items.find((a: { action: string }) => a.action === "confirm");
    expect(confirm.before).toHaveProperty("confirmedScores");
    expect(confirm.after.status).toBe("confirmed");
    expect((await staff.get(`/api/v1/notifications?unreadOnly=true`)).json().items[0].title).toBe(
      "Tháng 6/2026 đã được mở lại: Bổ sung kết quả của đồng chí Mai Thị Hồng",
    );
  });

  it("nothing assigned is a clear state, not an error", async () => {
    const res = await manager.get(`/api/v1/work/periods/${periodId}/people/p-na-16/evaluation`);
    expect(res.statusCode).toBe(200);
    expect(res.json().score).toMatchObject({ state: "no_assignment", total: null, level: null });
  });

  it("history lists each period's total and level band", async () => {
    const res = await staff.get("/api/v1/me/history?year=2026");
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        label: "Tháng 6/2026",
        status: "confirmed",
        periodStatus: "open",
        level: expect.any(String),
      }),
    ]);
  });
});
