import { type AgencySettings, isAgencyKind, type OrgUnitKind, type PeriodKind } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import type { Actor } from "../../http/actor.ts";
import { conflict, notFound } from "../../http/app-error.ts";
import { recordChange } from "../audit/service.ts";
import { requireUnit } from "../org/service.ts";
import { assertCanEdit, assertCanRead } from "./policy.ts";
import * as repo from "./repo.ts";

/** DESIGN §5 defaults: self-evaluation by the 25th, review by the 28th, lock by the 5th of next month. */
export const defaultSettings = {
  periodKind: "month" as PeriodKind,
  selfEvaluationDay: 25,
  reviewDay: 28,
  lockDay: 5,
  headConfirmRequired: false,
  firstScoredMonth: null as string | null,
};

const toDto = (agencyId: string, row: repo.SettingsRow | undefined): AgencySettings =>
  row
    ? {
        agencyId,
        periodKind: row.periodKind as PeriodKind,
        selfEvaluationDay: row.selfEvaluationDay,
        reviewDay: row.reviewDay,
        lockDay: row.lockDay,
        headConfirmRequired: row.headConfirmRequired,
        firstScoredMonth: row.firstScoredMonth,
        version: row.version,
      }
    : { agencyId, ...defaultSettings, version: 0 };

/** The settings in force for an agency (the defaults when it never saved any). */
export async function settingsFor(db: Db, agencyId: string): Promise<AgencySettings> {
  return toDto(agencyId, await repo.findSettings(db, agencyId));
}

async function requireAgency(db: Db, id: string) {
  const unit = await requireUnit(db, id);
  if (!isAgencyKind(unit.kind as OrgUnitKind)) throw notFound("agency", id);
  return unit;
}

export async function getSettings(deps: Deps, actor: Actor, agencyId: string): Promise<AgencySettings> {
  const agency = await requireAgency(deps.db, agencyId);
  assertCanRead(actor, agency.path);
  return settingsFor(deps.db, agencyId);
}

/**
 * Saves the settings with optimistic versioning: version 0 means "still on the defaults". Periods
 * already opened keep the due dates they were opened with; the settings apply to new periods.
 */
export async function updateSettings(
  deps: Deps,
  actor: Actor,
  agencyId: string,
  input: repo.SettingsPatch & { version: number },
): Promise<AgencySettings> {
  const agency = await requireAgency(deps.db, agencyId);
  assertCanEdit(actor, agency.path);
  const { version, ...patch } = input;
  return deps.db.transaction(async (tx) => {
    const before = await repo.findSettings(tx, agencyId);
    const current = before?.version ?? 0;
    if (current !== version) throw conflict(current);
    const saved = before
      ? await repo.updateSettings(tx, agencyId, version, patch)
      : await repo.insertSettings(tx, agencyId, patch);
    if (!saved) throw conflict((await repo.findSettings(tx, agencyId))?.version ?? 0);
    const dto = toDto(agencyId, saved);
    await recordChange(tx, actor, {
      entity: "agency_settings",
      entityId: agencyId,
      unitPath: agency.path,
      action: before ? "update" : "create",
      before: toDto(agencyId, before),
      after: dto,
    });
    return dto;
  });
}
