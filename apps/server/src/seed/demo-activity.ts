import { addDays, vietnamDate } from "@thuocdo/contract";
import { countDelays, generalSubCriteria, type RuleSet, ruleSetFor } from "@thuocdo/core";
import type { Deps } from "../context.ts";
import type { Db } from "../db/database.ts";
import type { assignments, deliveries, evaluations, periods, reviewEvents } from "../db/schema.ts";
import { recordChange } from "../modules/audit/service.ts";
import { grantEvaluates } from "../modules/evaluation/policy.ts";
import { findUnit } from "../modules/org/repo.ts";
import { decimal, scorePeriod } from "../modules/scoring/service.ts";
import * as settingsRepo from "../modules/settings/repo.ts";
import { settingsFor } from "../modules/settings/service.ts";
import * as workRepo from "../modules/work/repo.ts";
import { periodDates } from "../modules/work/service.ts";
import * as repo from "./activity/repo.ts";
import { DEMO_CATALOG_ID } from "./demo-catalog.ts";
import { demoLogins, demoUnits, NGUYET_AN_ID } from "./demo-data.ts";
import { generalScores } from "./general-scores.ts";
import { chance, intIn, pick, rngFor, sample } from "./random.ts";
import { hasRun, markRun } from "./repo.ts";

/**
 * A year of work in Nguyệt An, so a newcomer finds a living system: from January 2026 to the
 * current month, every active person gets products from the catalog of their position, delivers
 * most of them (some late, some failing review, a few excused or handed back), self-scores and
 * is confirmed; past months are locked, the current one is open and half done. Everything is
 * drawn from a seeded generator and fixed dates, so the same "now" gives the same data. Scores
 * are not made up here: every total is the scoring module's, from the rows written.
 *
 * The catalog (QĐ 283) takes effect on 01/06/2026; January–May use its items too (the periods
 * record no catalog in force, as `openPeriod` would), and the agency's first scored month is
 * set to 2026-01 — the 2026 start of Decree 335.
 */

const SEED = { name: "demo-activity", version: 1 };
/** Its own lock key (the org uses 335_2026, the catalog 335_2027). */
const SEED_LOCK_KEY = 335_2028;
export const DEMO_YEAR = 2026;
export const FIRST_SCORED_MONTH = `${DEMO_YEAR}-01`;

/* ───────────── Who performs how ───────────── */

type Profile = "excellent" | "good" | "fair" | "weak";

interface ProfileParams {
  /** Share of assigned units delivered (per unit, before monthly noise). */
  deliver: readonly [number, number];
  late: number;
  fail: number;
  general: readonly [number, number];
  adhoc: number;
}

/** Tuned so the yearly averages land in the four bands of Art. 20 (checked by the seed's test). */
const profiles: Record<Profile, ProfileParams> = {
  excellent: { deliver: [0.99, 1], late: 0.03, fail: 0.02, general: [27.5, 30], adhoc: 0.6 },
  good: { deliver: [0.78, 0.88], late: 0.12, fail: 0.08, general: [23.5, 28], adhoc: 0.25 },
  fair: { deliver: [0.56, 0.62], late: 0.3, fail: 0.2, general: [19, 23], adhoc: 0.1 },
  weak: { deliver: [0.4, 0.44], late: 0.4, fail: 0.3, general: [15, 20], adhoc: 0 },
};

/** A few consistently excellent, a couple at "completed", one below 50; everyone else good. */
const profileOf: Readonly<Record<string, Profile>> = {
  "p-na-01": "excellent",
  "p-na-04": "excellent",
  "p-na-13": "excellent",
  "p-na-23": "excellent",
  "p-na-09": "fair",
  "p-na-15": "fair",
  "p-na-22": "weak",
};

const failNotes = [
  "Số liệu tổng hợp chưa khớp với báo cáo của các thôn",
  "Dự thảo thiếu căn cứ pháp lý, phải bổ sung",
  "Sai thể thức văn bản theo Nghị định 30/2020/NĐ-CP",
  "Nội dung chưa đáp ứng yêu cầu của lãnh đạo",
];
const delayExcuses = [
  "Mất điện diện rộng do mưa bão",
  "Chờ số liệu của cơ quan cấp trên",
  "Phần mềm chuyên ngành gặp sự cố kéo dài",
];
const failureExcuse = "Văn bản hướng dẫn của cấp trên thay đổi sau khi trình";
const handBackReasons = [
  "Chuyển đồng chí khác thực hiện do trùng lịch công tác",
  "Nhiệm vụ tạm dừng theo chỉ đạo của cấp trên",
];
const EXCUSE_CONFIRMER = "Lê Văn Thành – Chủ tịch UBND xã";

/* ───────────── Shapes ───────────── */

type PersonRow = Awaited<ReturnType<typeof repo.activePeople>>[number];
type Product = Awaited<ReturnType<typeof repo.positionProducts>>[number];

interface Plan {
  periods: (typeof periods.$inferInsert)[];
  assignments: (typeof assignments.$inferInsert)[];
  deliveries: (typeof deliveries.$inferInsert)[];
  events: (typeof reviewEvents.$inferInsert)[];
  evaluations: (typeof evaluations.$inferInsert)[];
}

interface MonthContext {
  ruleSet: RuleSet;
  periodId: string;
  month: number;
  /** Null for a locked month; the current day for the open one. */
  today: string | null;
  selfEvaluationDue: string;
  reviewDue: string;
  lockDue: string;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
const dayOf = (month: number, day: number) => `${DEMO_YEAR}-${pad2(month)}-${pad2(day)}`;
const at = (isoDay: string, time: string) => new Date(`${isoDay}T${time}:00+07:00`);
/** points ÷ standard points, kept to 6 places as assignments store it (numeric(14,6)). */
const coefficientOf = (p: Product) => decimal(p.points).div(decimal(p.standardPoints)).toFixed(6);

/** The demo users who review and confirm: the most direct evaluator holding a login (Art. 10). */
function evaluatorsOf(people: PersonRow[]): Map<string, string | null> {
  const paths = new Map<string, string>();
  for (const u of demoUnits) paths.set(u.id, `${u.parentId ? paths.get(u.parentId) : "/"}${u.id}/`);
  const grants = demoLogins.flatMap((l) =>
    l.grants
      .filter(([role]) => role === "manager" || role === "head")
      .map(([, unitId]) => ({ userId: l.id, personId: l.personId, path: paths.get(unitId) ?? "" })),
  );
  return new Map(
    people.map((p) => {
      const fit = grants
        .filter(
          (g) =>
            g.personId !== p.id && grantEvaluates(g.path, { id: p.id, unitPath: p.unitPath, leaderRole: p.leaderRole }),
        )
        .sort((a, b) => b.path.length - a.path.length)[0];
      return [p.id, fit?.userId ?? null];
    }),
  );
}

const loginOf = new Map(demoLogins.flatMap((l) => (l.personId ? [[l.personId, l.id] as const] : [])));

const halfSteps = (value: number) => Math.round(value * 2) / 2;

/* ───────────── One person-month ───────────── */

interface Outcome {
  units: number;
  delivered: number;
  late: number;
}

function planLines(
  plan: Plan,
  ctx: MonthContext,
  person: PersonRow,
  products: Product[],
  evaluator: string | null,
): Outcome {
  const profile = profiles[profileOf[person.id] ?? "good"];
  const personRng = rngFor(person.id, "base");
  const base = profile.deliver[0] + personRng() * (profile.deliver[1] - profile.deliver[0]);
  const rng = rngFor(person.id, ctx.month, "lines");
  const deliverP = Math.min(1, Math.max(0.2, base + (rng() - 0.5) * 0.12));
  const shared = products.filter((p) => p.code.startsWith("DC."));
  const own = products.filter((p) => !p.code.startsWith("DC."));
  const chosen = [...sample(rng, own, intIn(rng, 5, 8)), ...sample(rng, shared, intIn(rng, 1, 2))];
  const adhoc = chance(rng, profile.adhoc) ? [pick(rng, products)] : [];
  const outcome: Outcome = { units: 0, delivered: 0, late: 0 };
  const open = ctx.today !== null;
  const startDay = dayOf(ctx.month, 1);

  [...chosen, ...adhoc].forEach((product, index) => {
    const isAdhoc = index >= chosen.length;
    const id = `act-${ctx.periodId}-${person.id}-${pad2(index + 1)}`;
    const quantity = isAdhoc ? 1 : product.code.startsWith("QL.") ? intIn(rng, 1, 2) : intIn(rng, 1, 3);
    const deadline = dayOf(ctx.month, open ? intIn(rng, 5, 27) : intIn(rng, 8, 22));
    const createdOn = addDays(startDay, intIn(rng, 0, 2));
    const line: typeof assignments.$inferInsert = {
      id,
      periodId: ctx.periodId,
      personId: person.id,
      catalogItemId: product.id,
      itemCode: product.code,
      itemName: product.task,
      coefficient: coefficientOf(product),
      quantity: quantity.toFixed(4),
      source: isAdhoc ? "adhoc" : "planned",
      deadline,
      assignedBy: evaluator,
      createdAt: at(createdOn, "08:00"),
      updatedAt: at(createdOn, "08:00"),
    };
    plan.assignments.push(line);
    if (!isAdhoc) outcome.units += quantity;

    let delivered = 0;
    for (let u = 0; u < quantity; u++) if (isAdhoc || chance(rng, deliverP)) delivered++;
    const isLate = !isAdhoc && chance(rng, profile.late);
    let deliveredOn = isLate ? addDays(deadline, intIn(rng, 1, 5)) : addDays(deadline, -intIn(rng, 0, 4));
    if (deliveredOn < addDays(createdOn, 1)) deliveredOn = addDays(createdOn, 1);
    // In the open month, only what was due (or done early) by yesterday is in.
    if (open && (deliveredOn >= ctx.today! || (deadline >= ctx.today! && !chance(rng, 0.3)))) delivered = 0;

    if (delivered === 0) {
      if (!open && !isAdhoc && chance(rng, 0.3)) {
        line.handedBack = quantity.toFixed(4);
        line.handedBackReason = pick(rng, handBackReasons);
      }
      return;
    }
    outcome.delivered += isAdhoc ? 0 : delivered;
    const deadlines = [deadline];
    if (isLate && chance(rng, 0.35)) {
      const extended = addDays(deadline, 2);
      line.extendedDeadline = extended;
      deadlines.push(extended);
      plan.events.push({
        id: `${id}-ext`,
        assignmentId: id,
        kind: "extension",
        newDeadline: extended,
        note: "Gia hạn theo đề nghị của công chức",
        actorId: evaluator,
        at: at(addDays(deadline, -1), "09:00"),
      });
    }
    const delays = countDelays(ctx.ruleSet, deadlines, deliveredOn);
    if (delays > 0) outcome.late++;
    const excusedDelays = delays > 0 && chance(rng, 0.25) ? 1 : 0;
    const reviewed = !open || addDays(deliveredOn, 2) < ctx.today!;
    const failedReviews = reviewed && chance(rng, profile.fail) ? (chance(rng, 0.8) ? 1 : 2) : 0;
    const excusedFailedReviews = failedReviews > 0 && chance(rng, 0.2) ? 1 : 0;
    const deliveryId = `${id}-d1`;
    plan.deliveries.push({
      id: deliveryId,
      assignmentId: id,
      quantity: delivered.toFixed(4),
      deliveredOn,
      documentNumber: `${intIn(rng, 10, 480)}/${product.code.split(".")[0]}`,
      delays,
      excusedDelays,
      failedReviews,
      excusedFailedReviews,
      reviewStatus: reviewed ? "passed" : "pending",
      recordedBy: loginOf.get(person.id) ?? evaluator,
      createdAt: at(deliveredOn, "16:00"),
      updatedAt: at(deliveredOn, "16:00"),
    });
    for (let k = 0; k < failedReviews; k++) {
      plan.events.push({
        id: `${deliveryId}-fail${k + 1}`,
        deliveryId,
        assignmentId: id,
        kind: "review_fail",
        note: pick(rng, failNotes),
        actorId: evaluator,
        at: at(addDays(deliveredOn, k + 1), "10:00"),
      });
    }
    if (excusedFailedReviews > 0) {
      plan.events.push({
        id: `${deliveryId}-exf`,
        deliveryId,
        assignmentId: id,
        kind: "excuse_failure",
        note: failureExcuse,
        confirmedBy: EXCUSE_CONFIRMER,
        actorId: evaluator,
        at: at(addDays(deliveredOn, failedReviews + 1), "09:00"),
      });
    }
    if (excusedDelays > 0) {
      plan.events.push({
        id: `${deliveryId}-exd`,
        deliveryId,
        assignmentId: id,
        kind: "excuse_delay",
        note: pick(rng, delayExcuses),
        confirmedBy: EXCUSE_CONFIRMER,
        actorId: evaluator,
        at: at(addDays(deliveredOn, 1), "08:30"),
      });
    }
    if (reviewed) {
      plan.events.push({
        id: `${deliveryId}-pass`,
        deliveryId,
        assignmentId: id,
        kind: "review_pass",
        actorId: evaluator,
        at: at(addDays(deliveredOn, failedReviews + 1), "15:00"),
      });
    }
  });
  return outcome;
}

function selfAssessmentOf(share: number): string {
  if (share >= 0.97)
    return "Hoàn thành đầy đủ, đúng tiến độ các sản phẩm được giao; chủ động nhận thêm nhiệm vụ phát sinh.";
  if (share >= 0.8) return "Hoàn thành phần lớn sản phẩm được giao; một số việc còn chậm so với kế hoạch.";
  if (share >= 0.6) return "Hoàn thành một phần nhiệm vụ; còn sản phẩm chưa xong do khối lượng công việc lớn.";
  return "Nhiều sản phẩm chưa hoàn thành trong tháng; sẽ khắc phục trong tháng tới.";
}

function commentOf(outcome: Outcome): string {
  const share = outcome.units === 0 ? 1 : outcome.delivered / outcome.units;
  if (share >= 0.97 && outcome.late === 0) return "Hoàn thành xuất sắc nhiệm vụ, bảo đảm chất lượng và tiến độ.";
  if (share >= 0.8) return "Hoàn thành tốt nhiệm vụ; cần chú ý hơn đến tiến độ một số sản phẩm.";
  if (share >= 0.6) return "Hoàn thành nhiệm vụ ở mức trung bình; đề nghị khắc phục các sản phẩm chậm, chưa đạt.";
  return "Chưa hoàn thành nhiệm vụ được giao; đề nghị đồng chí nghiêm túc rút kinh nghiệm.";
}

function planEvaluation(
  plan: Plan,
  ctx: MonthContext,
  person: PersonRow,
  outcome: Outcome,
  evaluator: string | null,
  weakUnits: ReadonlySet<string>,
): void {
  const rng = rngFor(person.id, ctx.month, "evaluation");
  const profile = profiles[profileOf[person.id] ?? "good"];
  const share = outcome.units === 0 ? 1 : outcome.delivered / outcome.units;
  const target = halfSteps(profile.general[0] + rng() * (profile.general[1] - profile.general[0]));
  const self = generalScores(rng, target);
  const confirmed = { ...self };
  for (const sub of sample(rng, generalSubCriteria, chance(rng, 0.4) ? intIn(rng, 1, 2) : 0)) {
    confirmed[sub.code] = Math.max(0, confirmed[sub.code]! - 0.5);
  }
  const row: typeof evaluations.$inferInsert = {
    id: `ev-${ctx.periodId}-${person.id}`,
    periodId: ctx.periodId,
    personId: person.id,
    unitId: person.unitId,
    leaderRole: person.leaderRole,
    status: "draft",
  };
  // A leader whose unit holds the weak performer sometimes gets đ = 50% for prolonged delays (Art. 15.3.b).
  const halfOrganizing = person.leaderRole !== "none" && weakUnits.has(person.unitId) && chance(rng, 0.3);
  if (ctx.today === null) {
    Object.assign(row, {
      status: "confirmed",
      selfScores: self,
      selfAssessment: selfAssessmentOf(share),
      submittedAt: at(addDays(ctx.selfEvaluationDue, -intIn(rng, 0, 2)), "16:30"),
      confirmedScores: confirmed,
      managerComment: commentOf(outcome),
      confirmedBy: evaluator,
      confirmedAt: at(addDays(ctx.reviewDue, -intIn(rng, 0, 1)), "10:00"),
      ...(person.leaderRole === "none"
        ? {}
        : {
            organizing: halfOrganizing ? "0.50" : "1.00",
            organizingReason: halfOrganizing ? "Một số nhiệm vụ của đơn vị chậm tiến độ kéo dài trong tháng" : null,
            unity: "1.00",
            unityReason: null,
          }),
    });
  } else if (ctx.today >= addDays(ctx.selfEvaluationDue, -5) && chance(rng, 0.5)) {
    // The open month: some have already self-scored ahead of the deadline.
    Object.assign(row, {
      status: "submitted",
      selfScores: self,
      selfAssessment: selfAssessmentOf(share),
      submittedAt: at(addDays(ctx.today, -1), "17:00"),
    });
  }
  plan.evaluations.push(row);
}

/* ───────────── The year ───────────── */

/** Months to generate from "now": the locked ones (before the current month) and the open one. */
export function demoMonths(now: Date): { locked: number[]; open: number | null; today: string } {
  const today = vietnamDate(now);
  const [year, month] = today.split("-").map(Number) as [number, number];
  if (year < DEMO_YEAR) return { locked: [], open: null, today };
  const lastLocked = year > DEMO_YEAR ? 12 : month - 1;
  return {
    locked: Array.from({ length: lastLocked }, (_, i) => i + 1),
    open: year === DEMO_YEAR ? month : null,
    today,
  };
}

/**
 * Staff first, then division deputies, division heads, agency deputies, agency heads: a
 * leader's d reads the stored scores of the people they evaluate (Art. 15.3.a).
 */
async function buildPlan(tx: Db, deps: Deps, people: PersonRow[], products: Product[]) {
  const { locked, open, today } = demoMonths(deps.now());
  const settings = await settingsFor(tx, NGUYET_AN_ID);
  const evaluators = evaluatorsOf(people);
  const byPosition = new Map<string, Product[]>();
  for (const p of products) byPosition.set(p.positionId, [...(byPosition.get(p.positionId) ?? []), p]);
  const weakUnits = new Set(people.filter((p) => profileOf[p.id] === "weak").map((p) => p.unitId));
  const plan: Plan = { periods: [], assignments: [], deliveries: [], events: [], evaluations: [] };
  const lockedBy = demoLogins.find((l) =>
    l.grants.some(([role, unit]) => role === "head" && unit === NGUYET_AN_ID),
  )?.id;

  for (const month of [...locked, ...(open ? [open] : [])]) {
    const dates = periodDates("month", DEMO_YEAR, month, settings);
    const ruleSet = ruleSetFor({ year: DEMO_YEAR, month });
    if (!ruleSet.ok) throw new Error(`demo activity: no rule set for ${DEMO_YEAR}-${month}`);
    const isOpen = month === open;
    const periodId = `per-${NGUYET_AN_ID}-${DEMO_YEAR}-${pad2(month)}`;
    const { firstMonth: _, ...row } = dates;
    plan.periods.push({
      id: periodId,
      agencyId: NGUYET_AN_ID,
      kind: "month",
      year: DEMO_YEAR,
      number: month,
      ...row,
      catalogId: await workRepo.catalogInForce(tx, NGUYET_AN_ID, dates.startsOn),
      ruleSetVersion: ruleSet.value.id,
      status: isOpen ? "open" : "locked",
      lockedAt: isOpen ? null : at(addDays(dates.lockDue, -intIn(rngFor("lock", month), 0, 3)), "14:00"),
      lockedBy: isOpen ? null : (lockedBy ?? null),
      createdAt: at(dates.startsOn, "07:30"),
      updatedAt: at(dates.startsOn, "07:30"),
    });
    const ctx: MonthContext = {
      ruleSet: ruleSet.value,
      periodId,
      month,
      today: isOpen ? today : null,
      selfEvaluationDue: dates.selfEvaluationDue,
      reviewDue: dates.reviewDue,
      lockDue: dates.lockDue,
    };
    for (const person of people) {
      const own = byPosition.get(person.positionId ?? "") ?? [];
      if (own.length === 0) continue;
      const evaluator = evaluators.get(person.id) ?? null;
      const outcome = planLines(plan, ctx, person, own, evaluator);
      planEvaluation(plan, ctx, person, outcome, evaluator, weakUnits);
    }
  }
  return plan;
}

/**
 * Loads the demo year unless it was loaded before, the demo catalog is missing, or the agency
 * already has 2026 periods (real work is never overwritten). True when it loaded now.
 */
export async function seedDemoActivity(deps: Deps): Promise<boolean> {
  return deps.database.withAdvisoryLock(SEED_LOCK_KEY, async () => {
    if (await hasRun(deps.db, SEED.name, SEED.version)) return false;
    const agency = await findUnit(deps.db, NGUYET_AN_ID);
    if (!agency || !(await repo.findCatalog(deps.db, DEMO_CATALOG_ID))) return false;
    if (demoMonths(deps.now()).locked.length === 0 && demoMonths(deps.now()).open === null) return false;
    return deps.db.transaction(async (tx) => {
      if (await repo.hasPeriodsOfYear(tx, NGUYET_AN_ID, DEMO_YEAR)) {
        await markRun(tx, SEED.name, SEED.version);
        return false;
      }
      await settingsRepo.insertSettings(tx, NGUYET_AN_ID, { firstScoredMonth: FIRST_SCORED_MONTH });
      const people = await repo.activePeople(tx, NGUYET_AN_ID);
      const products = await repo.positionProducts(
        tx,
        DEMO_CATALOG_ID,
        people.flatMap((p) => (p.positionId ? [p.positionId] : [])),
      );
      const plan = await buildPlan(tx, deps, people, products);
      await repo.insertPeriods(tx, plan.periods);
      await repo.insertAssignments(tx, plan.assignments);
      await repo.insertDeliveries(tx, plan.deliveries);
      await repo.insertEvents(tx, plan.events);
      await repo.insertEvaluations(tx, plan.evaluations);

      for (const period of plan.periods) await scorePeriod(tx, period.id!);

      await markRun(tx, SEED.name, SEED.version);
      await recordChange(tx, null, {
        entity: "seed",
        entityId: SEED.name,
        unitPath: agency.path,
        action: "create",
        after: {
          periods: plan.periods.length,
          assignments: plan.assignments.length,
          deliveries: plan.deliveries.length,
          events: plan.events.length,
          evaluations: plan.evaluations.length,
        },
      });
      return true;
    });
  });
}
