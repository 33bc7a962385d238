import { foldVietnamese } from "@thuocdo/contract";
import type { Deps } from "../context.ts";
import { hashPassword } from "../lib/password.ts";
import { recordChange } from "../modules/audit/service.ts";
import { DEMO_PASSWORD, demoLogins, demoPeople, demoPositions, demoUnits } from "./demo-data.ts";
import * as repo from "./repo.ts";

const DEMO = { name: "demo-org", version: 1 };
/** Distinct from the migration lock: two servers starting together load the demo once. */
const SEED_LOCK_KEY = 335_2026;

const positionId = (agencyId: string, code: string) => `pos-${agencyId}-${code.toLowerCase()}`;

/** Loads the demo province unless it was loaded before. Returns true when it loaded now. */
export async function seedDemo(deps: Deps): Promise<boolean> {
  return deps.database.withAdvisoryLock(SEED_LOCK_KEY, async () => {
    if (await repo.hasRun(deps.db, DEMO.name, DEMO.version)) return false;
    const hashes = await Promise.all(demoLogins.map(() => hashPassword(DEMO_PASSWORD)));
    await deps.db.transaction(async (tx) => {
      const paths = new Map<string, string>();
      for (const u of demoUnits) paths.set(u.id, `${u.parentId ? paths.get(u.parentId) : "/"}${u.id}/`);
      await repo.insertUnits(
        tx,
        demoUnits.map((u, i) => ({ ...u, path: paths.get(u.id)!, sortOrder: i })),
      );
      await repo.insertPositions(
        tx,
        Object.entries(demoPositions).flatMap(([agencyId, list]) =>
          list.map(([code, name]) => ({ id: positionId(agencyId, code), agencyId, code, name })),
        ),
      );
      const agencyOf = (unitId: string) =>
        demoUnits.find((u) => u.id === unitId && u.kind !== "division" && u.kind !== "center")?.id ??
        demoUnits.find((u) => u.id === unitId)!.parentId!;
      await repo.insertPeople(
        tx,
        demoPeople.map((p) => {
          const agencyId = agencyOf(p.unitId);
          return {
            id: p.id,
            employeeCode: p.code,
            fullName: p.name,
            searchText: foldVietnamese(`${p.name} ${p.code}`),
            unitId: p.unitId,
            agencyId,
            positionId: positionId(agencyId, p.position),
            leaderRole: p.leader,
            title: p.title,
          };
        }),
      );
      await repo.insertUsers(
        tx,
        demoLogins.map((l, i) => ({
          id: l.id,
          username: l.username,
          displayName: l.displayName,
          personId: l.personId,
          passwordHash: hashes[i]!,
        })),
      );
      await repo.insertGrants(
        tx,
        demoLogins.flatMap((l) =>
          l.grants.map(([role, orgUnitId]) => ({
            id: `g-${l.id}-${role}-${orgUnitId}`,
            userId: l.id,
            role,
            orgUnitId,
          })),
        ),
      );
      await repo.markRun(tx, DEMO.name, DEMO.version);
      await recordChange(tx, null, {
        entity: "seed",
        entityId: DEMO.name,
        unitPath: "/",
        action: "create",
        after: { units: demoUnits.length, people: demoPeople.length, users: demoLogins.length },
      });
    });
    return true;
  });
}
