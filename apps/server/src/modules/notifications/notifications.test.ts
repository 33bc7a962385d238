import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestApp } from "../../test/harness.ts";
import {
  assign,
  type Clock,
  createCycleApp,
  deliver,
  openPeriod,
  review,
  seedCatalog,
  signIn,
} from "../../test/work-fixtures.ts";
import { sendReminders } from "./service.ts";

let t: TestApp;
let clock: Clock;
let manager: Client;
let staff: Client;
let hr: Client;
let periodId: string;
let items: Record<string, string>;

beforeAll(async () => {
  ({ t, clock } = await createCycleApp("2026-06-02"));
  items = await seedCatalog(t);
  hr = await signIn(t, "hr");
  manager = await signIn(t, "manager");
  staff = await signIn(t, "staff");
  periodId = (await openPeriod(hr)).id;
});
afterAll(() => t.close());

const titles = async (user: Client) =>
  ((await user.get("/api/v1/notifications?pageSize=50")).json().items as { title: string }[]).map((n) => n.title);

describe("hand-off notices", () => {
  it("assigned → delivery waiting review → reviewed, each to the next person", async () => {
    const line = await assign(manager, periodId, {
      catalogItemId: items["DC.05"]!,
      quantity: 1,
      deadline: "2026-06-20",
    });
    expect(await titles(staff)).toContain("Bạn được giao 1 nhiệm vụ mới trong Tháng 6/2026.");
    const d = await deliver(staff, line.id, { quantity: 1, deliveredOn: "2026-06-02" });
    expect(await titles(manager)).toContain("Nguyễn Văn Đức vừa ghi nhận sản phẩm «Báo cáo định kỳ» chờ đánh giá.");
    await review(manager, d.id, d.version, "fail", "Thiếu số liệu quý");
    expect(await titles(staff)).toContain("Sản phẩm «Báo cáo định kỳ» chưa đạt: Thiếu số liệu quý");
    // Nobody is told of their own act, and the commune's head is not the division's evaluator.
    expect(await titles(manager)).not.toContain("Bạn được giao 1 nhiệm vụ mới trong Tháng 6/2026.");
    expect(await titles(await signIn(t, "head"))).not.toContain(
      "Nguyễn Văn Đức vừa ghi nhận sản phẩm «Báo cáo định kỳ» chờ đánh giá.",
    );
  });

  it("lists mine with the unread count; marks one and all read", async () => {
    const list = (await staff.get("/api/v1/notifications")).json();
    expect(list.unread).toBe(2);
    expect(list.items[0]).toMatchObject({ kind: "reviewed", readAt: null, link: `/thang-nay?periodId=${periodId}` });
    expect((await staff.post(`/api/v1/notifications/${list.items[0].id}/read`)).statusCode).toBe(200);
    expect((await staff.get("/api/v1/notifications")).json().unread).toBe(1);
    expect((await manager.post(`/api/v1/notifications/${list.items[1].id}/read`)).statusCode).toBe(404);
    await staff.post("/api/v1/notifications/read-all");
    const after = (await staff.get("/api/v1/notifications?unreadOnly=true")).json();
    expect(after).toMatchObject({ unread: 0, total: 0, items: [] });
  });
});

describe("reminders the day before each deadline", () => {
  it("reminds each line's maker the day before its deadline, once", async () => {
    const line = await assign(manager, periodId, {
      catalogItemId: items["DC.01"]!,
      quantity: 2,
      deadline: "2026-06-12",
    });
    clock.set("2026-06-11");
    await deliver(staff, line.id, { quantity: 1, deliveredOn: "2026-06-11" });
    const first = await sendReminders(t.deps);
    expect(first).toBe(1);
    expect(await sendReminders(t.deps)).toBe(0);
    expect(await titles(staff)).toContain("Ngày mai (12/06/2026) là hạn hoàn thành «Văn bản hành chính đơn giản».");
  });

  it("self-evaluation, review and lock reminders go to who still has something to do, idempotently", async () => {
    clock.set("2026-06-24");
    const selfReminders = await sendReminders(t.deps);
    // Every account of a Nguyệt An person who has not submitted: staff, manager, hr, head.
    expect(selfReminders).toBe(4);
    expect(await sendReminders(t.deps)).toBe(0);
    expect(await titles(staff)).toContain("Ngày mai (25/06/2026) là hạn nộp phiếu tự đánh giá Tháng 6/2026.");

    clock.set("2026-06-27");
    expect(await sendReminders(t.deps)).toBe(1);
    expect(await titles(manager)).toContain(
      "Ngày mai (28/06/2026) là hạn đánh giá, xác nhận Tháng 6/2026: còn 1 việc chờ xử lý.",
    );
    expect(await sendReminders(t.deps)).toBe(0);

    clock.set("2026-07-04");
    expect(await sendReminders(t.deps)).toBe(2);
    expect(await titles(hr)).toContain("Ngày mai (05/07/2026) là hạn khóa Tháng 6/2026.");
    expect(await sendReminders(t.deps)).toBe(0);
  });
});

describe("deliveries waiting review", () => {
  type Listed = { id: string; kind: string; title: string; readAt: string | null };
  const waiting = async () =>
    ((await manager.get("/api/v1/notifications?pageSize=50")).json().items as Listed[]).filter(
      (n) => n.kind === "delivery_waiting_review",
    );

  it("fold into one unread notice per person that counts them, and start anew once it is read", async () => {
    clock.set("2026-06-15");
    await manager.post("/api/v1/notifications/read-all");
    const before = (await waiting()).length;
    const line = await assign(manager, periodId, {
      catalogItemId: items["DC.05"]!,
      quantity: 10,
      deadline: "2026-06-30",
    });
    const once = () => deliver(staff, line.id, { quantity: 1, deliveredOn: "2026-06-15" });
    // Together (one batch, folded before the write), then one more into the stored notice.
    await Promise.all([once(), once(), once()]);
    await once();
    const [folded, ...rest] = await waiting();
    expect(folded).toMatchObject({
      title: "Nguyễn Văn Đức đã ghi nhận 4 sản phẩm chờ đánh giá, mới nhất là «Báo cáo định kỳ».",
      readAt: null,
    });
    expect(rest).toHaveLength(before);
    expect((await manager.get("/api/v1/notifications")).json().unread).toBe(1);

    await manager.post(`/api/v1/notifications/${folded!.id}/read`);
    await once();
    const [fresh, read] = await waiting();
    expect(fresh).toMatchObject({
      title: "Nguyễn Văn Đức vừa ghi nhận sản phẩm «Báo cáo định kỳ» chờ đánh giá.",
      readAt: null,
    });
    expect(read).toMatchObject({ id: folded!.id, title: folded!.title });
    expect(await waiting()).toHaveLength(before + 2);
  });
});
