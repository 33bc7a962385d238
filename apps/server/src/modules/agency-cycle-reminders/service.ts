import { vietnamDate } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import * as repo from "../agency/repo.ts";
import { columnValue, loadCycle, type Step } from "../agency/service.ts";
import { deadlinesOf } from "../agency-assessment/service.ts";
import { agencyUsers, cycleLink, ddmmyyyy, deadlineOfStep, notify } from "../agency-cycle/service.ts";

/** Days from `from` to `to` (ISO days). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** Reminder windows before a deadline, in days; each sends once (the nearest applicable). */
const REMINDER_WINDOWS = [3, 1] as const;

/**
 * Reminders before each step's deadline (DESIGN §4): agencies that have not submitted, appraisers
 * with criteria still to score, agencies during explanations, council members with votes to
 * cast. Idempotent through `notifications.dedupe_key` (cycle, step, deadline, window), so running
 * it every 15 minutes sends each reminder once. Returns how many notices were new.
 */
export async function sendAgencyReminders(deps: Deps): Promise<number> {
  const today = vietnamDate(deps.now());
  let sent = 0;
  for (const c of await repo.allCycles(deps.db)) {
    const key = deadlineOfStep[c.step as Step];
    if (!key) continue;
    const due = deadlinesOf(c)[key];
    const left = daysBetween(today, due);
    if (left < 0) continue;
    const window = [...REMINDER_WINDOWS].sort((a, b) => a - b).find((w) => left <= w);
    if (window === undefined) continue;
    const dedupe = `agency:${c.id}:${c.step}:${due}:${window}`;
    const params = { cycle: c.name, due: ddmmyyyy(due) };
    const link = cycleLink(c.id);
    sent += await deps.db.transaction(async (tx) => {
      const ctx = await loadCycle(tx, c.id);
      let n = 0;
      if (c.step === "self_assessment" || c.step === "explanation") {
        const agencies = ctx.assessments.filter((a) => c.step === "explanation" || a.status === "draft");
        const users: string[] = [];
        for (const a of agencies) users.push(...(await agencyUsers(tx, a.agencyPath)));
        n += await notify(
          tx,
          users,
          c.step === "explanation" ? "reminder_explanation" : "reminder_self_assessment",
          params,
          link,
          dedupe,
        );
      } else if (c.step === "appraisal") {
        const pending = new Map<string | null, { path: string | null; count: number }>();
        for (const node of ctx.nodes) {
          if (node.children.length > 0 && node.row.kind === "scored") continue;
          for (const a of ctx.assessments) {
            const cell = ctx.cells.get(a.id)?.get(node.row.id);
            if (cell?.appraisedAt || columnValue(cell, "self").notApplicable) continue;
            const entry = pending.get(node.row.appraiserUnitId) ?? { path: node.row.appraiserUnitPath, count: 0 };
            entry.count++;
            pending.set(node.row.appraiserUnitId, entry);
          }
        }
        for (const { path, count } of pending.values()) {
          const users = path
            ? await repo.grantHoldersCovering(tx, ["appraiser"], path)
            : await repo.grantHoldersCovering(tx, ["hr"], ctx.cycle.ownerPath);
          n += await notify(
            tx,
            users.map((u) => u.userId),
            "reminder_appraisal",
            { ...params, count },
            link,
            dedupe,
          );
        }
      } else if (c.step === "council") {
        const members = await repo.membersOf(tx, c.id);
        const votes = await repo.votesOf(tx, c.id);
        const owing = members.filter((m) => votes.filter((v) => v.userId === m.userId).length < ctx.assessments.length);
        n += await notify(
          tx,
          owing.map((m) => m.userId),
          "reminder_council",
          params,
          link,
          dedupe,
        );
      }
      return n;
    });
  }
  return sent;
}

/** Runs `sendAgencyReminders` now and every `everyMs`; the timer never keeps the process alive. */
export function startAgencyReminderTimer(deps: Deps, onError: (error: unknown) => void, everyMs = 15 * 60 * 1000) {
  const run = () => {
    sendAgencyReminders(deps).catch(onError);
  };
  const timer = setInterval(run, everyMs);
  timer.unref();
  run();
  return () => clearInterval(timer);
}
