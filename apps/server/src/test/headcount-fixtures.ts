import { nd335_2026_1 } from "@thuocdo/core";
import { assignments, deliveries, evaluations, orgUnits, people, periods } from "../db/schema.ts";
import { leaveMonths, personRecords, transfers } from "../db/schema-year.ts";
import { refreshScores } from "../modules/scoring/service.ts";
import type { TestApp } from "./harness.ts";
import { fullScores, scores27_5, seedCatalog } from "./work-fixtures.ts";

/**
 * An agency of any headcount for the query-count tests, written straight into the database (a
 * hundred people through the API would take minutes). Every person carries the kinds of rows the
 * list pages read, so a per-person query anywhere shows up as a count that grows with the size:
 * - July 2026 (open): three lines each — one delivered and passed, one delivered late and waiting
 *   for review, one overdue — and a draft, submitted or confirmed evaluation scored by the core;
 * - January–June (locked): confirmed scores from 79 to 99, half of them candidates for excellent
 *   (so the quota cuts), except for every tenth person (a new hire, unclassified);
 * - every tenth person from the fourth on has maternity leave, from the sixth a reprimand, from
 *   the eighth a transfer in from Nguyệt An.
 * The first person heads the division and the second is their deputy (the quota groups and the
 * leaders' d read them).
 */

export const HEADCOUNT_YEAR = 2026;
export const HEADCOUNT_MONTH = 7;

export interface HeadcountAgency {
  agencyId: string;
  divisionId: string;
  /** The open July period. */
  periodId: string;
  personIds: string[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const monthDay = (month: number, day: number) => `${HEADCOUNT_YEAR}-${pad(month)}-${pad(day)}`;
const roleOf = (i: number) => (i === 0 ? "head" : i === 1 ? "deputy" : "none");

export async function seedHeadcount(t: TestApp, id: string, size: number): Promise<HeadcountAgency> {
  const db = t.deps.db;
  const divisionId = `${id}-kt`;
  const ruleSetVersion = nd335_2026_1.id;
  await db.insert(orgUnits).values([
    { id, parentId: "thanh-hoa", kind: "commune", name: `UBND xã ${id}`, path: `/thanh-hoa/${id}/` },
    { id: divisionId, parentId: id, kind: "division", name: "Phòng Kinh tế", path: `/thanh-hoa/${id}/${divisionId}/` },
  ]);
  const items = await seedCatalog(t, undefined, { agencyId: id, id: `cat-${id}` });

  const personIds = Array.from({ length: size }, (_, i) => `${id}-p${pad(i, 3)}`);
  await db.insert(people).values(
    personIds.map((personId, i) => ({
      id: personId,
      employeeCode: `${id}-${pad(i, 3)}`,
      fullName: `Công chức ${pad(i, 3)}`,
      searchText: `cong chuc ${pad(i, 3)}`,
      unitId: divisionId,
      agencyId: id,
      leaderRole: roleOf(i),
    })),
  );

  const periodOf = (month: number) => `${id}-m${month}`;
  const openId = periodOf(HEADCOUNT_MONTH);
  await db.insert(periods).values(
    Array.from({ length: HEADCOUNT_MONTH }, (_, i) => {
      const month = i + 1;
      return {
        id: periodOf(month),
        agencyId: id,
        kind: "month",
        year: HEADCOUNT_YEAR,
        number: month,
        startsOn: monthDay(month, 1),
        endsOn: monthDay(month, 28),
        selfEvaluationDue: monthDay(month, 25),
        reviewDue: monthDay(month, 28),
        lockDue: monthDay(month + 1, 5),
        catalogId: month === HEADCOUNT_MONTH ? `cat-${id}` : null,
        ruleSetVersion,
        status: month === HEADCOUNT_MONTH ? "open" : "locked",
      };
    }),
  );

  const past = personIds.flatMap((personId, i) =>
    i % 10 === 9
      ? []
      : Array.from({ length: HEADCOUNT_MONTH - 1 }, (_, m) => ({
          id: `${personId}-e${m + 1}`,
          periodId: periodOf(m + 1),
          personId,
          unitId: divisionId,
          leaderRole: roleOf(i),
          status: "confirmed",
          total: String(80 + ((i * 7) % 20) - (m % 2)),
          ruleSetVersion,
        })),
  );
  const statuses = ["confirmed", "submitted", "draft"] as const;
  const current = personIds.map((personId, i) => {
    const status = statuses[i % 3]!;
    return {
      id: `${personId}-e${HEADCOUNT_MONTH}`,
      periodId: openId,
      personId,
      unitId: divisionId,
      leaderRole: roleOf(i),
      status,
      selfScores: status === "draft" ? null : fullScores,
      confirmedScores: status === "confirmed" ? scores27_5 : null,
    };
  });
  await db.insert(evaluations).values([...past, ...current]);

  const line = (personId: string, code: string, coefficient: string, quantity: string, deadline: string) => ({
    id: `${personId}-${code}`,
    periodId: openId,
    personId,
    catalogItemId: items[code]!,
    itemCode: code,
    itemName: code,
    coefficient,
    quantity,
    deadline,
  });
  await db
    .insert(assignments)
    .values(
      personIds.flatMap((personId) => [
        line(personId, "DC.01", "1", "10", monthDay(HEADCOUNT_MONTH, 20)),
        line(personId, "DC.05", "12", "1", monthDay(HEADCOUNT_MONTH, 22)),
        line(personId, "DC.09", "9", "2", monthDay(HEADCOUNT_MONTH, 26)),
      ]),
    );
  await db.insert(deliveries).values(
    personIds.flatMap((personId) => [
      {
        id: `${personId}-d1`,
        assignmentId: `${personId}-DC.01`,
        quantity: "10",
        deliveredOn: monthDay(HEADCOUNT_MONTH, 18),
        reviewStatus: "passed",
      },
      {
        id: `${personId}-d2`,
        assignmentId: `${personId}-DC.05`,
        quantity: "1",
        deliveredOn: monthDay(HEADCOUNT_MONTH, 24),
        delays: 1,
      },
    ]),
  );
  await refreshScores(db, openId, personIds);

  const every = (offset: number) => personIds.filter((_, i) => i % 10 === offset);
  const onLeave = every(3).flatMap((personId) =>
    [8, 9, 10, 11, 12].map((month) => ({ personId, year: HEADCOUNT_YEAR, month, kind: "maternity" })),
  );
  if (onLeave.length > 0) await db.insert(leaveMonths).values(onLeave);
  const reprimanded = every(5).map((personId) => ({
    id: `${personId}-r`,
    personId,
    agencyId: id,
    kind: "discipline",
    form: "khien_trach",
    effectiveOn: monthDay(5, 15),
    countsInYear: HEADCOUNT_YEAR,
    documentNumber: "12/QĐ-UBND",
    documentDate: monthDay(5, 15),
  }));
  if (reprimanded.length > 0) await db.insert(personRecords).values(reprimanded);
  const movedIn = every(7).map((personId) => ({
    id: `${personId}-t`,
    personId,
    fromAgencyId: "nguyet-an",
    fromUnitId: "na-kt",
    toAgencyId: id,
    toUnitId: divisionId,
    effectiveOn: monthDay(3, 1),
  }));
  if (movedIn.length > 0) await db.insert(transfers).values(movedIn);

  return { agencyId: id, divisionId, periodId: openId, personIds };
}
