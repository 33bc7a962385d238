import { foldVietnamese, type LeaderRole, type Person } from "@thuocdo/contract";
import type { Deps } from "../../context.ts";
import type { Db } from "../../db/database.ts";
import { type Actor, scopePaths } from "../../http/actor.ts";
import { AppError, conflict, forbidden, notFound } from "../../http/app-error.ts";
import { newId } from "../../lib/tokens.ts";
import { recordChange } from "../audit/service.ts";
import { agencyOf, requireUnit } from "../org/service.ts";
import { findPosition } from "../positions/repo.ts";
import { assertCanEdit, assertCanReadUnit, canRead, PEOPLE_READERS } from "./policy.ts";
import * as repo from "./repo.ts";

export interface PersonInput {
  employeeCode: string | null;
  fullName: string;
  unitId: string;
  positionId: string | null;
  leaderRole: LeaderRole;
  title: string | null;
  email: string | null;
  phone: string | null;
}

const toDto = ({ person: p, unitName, positionName }: repo.PersonView): Person => ({
  id: p.id,
  employeeCode: p.employeeCode,
  fullName: p.fullName,
  unitId: p.unitId,
  unitName,
  agencyId: p.agencyId,
  positionId: p.positionId,
  positionName,
  leaderRole: p.leaderRole as LeaderRole,
  title: p.title,
  email: p.email,
  phone: p.phone,
  active: p.active,
  version: p.version,
});

const snapshot = (p: Partial<repo.PersonRow>) => ({
  employeeCode: p.employeeCode,
  fullName: p.fullName,
  unitId: p.unitId,
  positionId: p.positionId,
  leaderRole: p.leaderRole,
  title: p.title,
  email: p.email,
  phone: p.phone,
  active: p.active,
});

export interface PeopleQuery {
  unitId?: string;
  q?: string;
  includeInactive?: boolean;
  sort?: "fullName" | "unitName" | "positionName" | "employeeCode";
  order?: "asc" | "desc";
}

async function filterFor(deps: Deps, actor: Actor, query: PeopleQuery) {
  let unitPath: string | undefined;
  if (query.unitId) {
    const unit = await requireUnit(deps.db, query.unitId);
    assertCanReadUnit(actor, unit.path);
    unitPath = unit.path;
  }
  return {
    paths: scopePaths(actor, PEOPLE_READERS),
    unitPath,
    search: query.q ? foldVietnamese(query.q) : undefined,
    includeInactive: query.includeInactive,
    sort: query.sort,
    order: query.order,
  };
}

export async function listPeople(deps: Deps, actor: Actor, query: PeopleQuery & { page: number; pageSize: number }) {
  const { rows, total } = await repo.listPeople(deps.db, await filterFor(deps, actor, query), query);
  return { items: rows.map(toDto), total, page: query.page, pageSize: query.pageSize };
}

/** Everything matching the filter, unpaginated, for the Excel export. */
export async function listAllPeople(deps: Deps, actor: Actor, query: PeopleQuery): Promise<Person[]> {
  const { rows } = await repo.listPeople(deps.db, await filterFor(deps, actor, query), null);
  return rows.map(toDto);
}

export async function getPerson(deps: Deps, actor: Actor, id: string): Promise<Person> {
  const view = await repo.findPerson(deps.db, id);
  if (!view) throw notFound("person", id);
  if (!canRead(actor, id, view.unitPath)) throw forbidden("out_of_scope");
  return toDto(view);
}

/**
 * Resolves and checks a person's placement: the unit is inside the editor's
 * scope, the position belongs to the unit's agency, the employee code is
 * unique within the agency. Shared by the form and the spreadsheet import.
 */
export async function placePerson(tx: Db, actor: Actor, input: PersonInput, selfId?: string) {
  const unit = await requireUnit(tx, input.unitId);
  assertCanEdit(actor, unit.path);
  const agency = await agencyOf(tx, unit);
  if (input.positionId) {
    const position = await findPosition(tx, input.positionId);
    if (!position || position.agencyId !== agency.id) {
      throw new AppError("VALIDATION_FAILED", {
        issues: [{ path: ["body", "positionId"], message: "Vị trí việc làm không thuộc cơ quan của đơn vị đã chọn." }],
      });
    }
  }
  if (input.employeeCode) {
    const clash = await repo.findByEmployeeCode(tx, agency.id, input.employeeCode);
    if (clash && clash.id !== selfId) {
      throw new AppError("DUPLICATE", {
        issues: [{ path: ["body", "employeeCode"], message: "Mã công chức đã được dùng trong cơ quan." }],
      });
    }
  }
  return {
    unit,
    agency,
    row: { ...input, agencyId: agency.id, searchText: foldVietnamese(`${input.fullName} ${input.employeeCode ?? ""}`) },
  };
}

export async function insertPlaced(tx: Db, actor: Actor, input: PersonInput, action: "create" | "import") {
  const { unit, row } = await placePerson(tx, actor, input);
  const id = newId();
  await repo.insertPerson(tx, { id, ...row });
  await recordChange(tx, actor, { entity: "person", entityId: id, unitPath: unit.path, action, after: snapshot(row) });
  return id;
}

export async function createPerson(deps: Deps, actor: Actor, input: PersonInput): Promise<Person> {
  const id = await deps.db.transaction((tx) => insertPlaced(tx, actor, input, "create"));
  return toDto((await repo.findPerson(deps.db, id))!);
}

export async function updatePerson(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Partial<PersonInput> & { version: number; active?: boolean },
  action: "update" | "import" = "update",
): Promise<Person> {
  await deps.db.transaction((tx) => updateInTx(tx, actor, id, input, action));
  return toDto((await repo.findPerson(deps.db, id))!);
}

export async function updateInTx(
  tx: Db,
  actor: Actor,
  id: string,
  input: Partial<PersonInput> & { version: number; active?: boolean },
  action: "update" | "import",
): Promise<void> {
  const current = await repo.findPerson(tx, id);
  if (!current) throw notFound("person", id);
  assertCanEdit(actor, current.unitPath);
  if (current.person.version !== input.version) throw conflict(current.person.version);
  const p = current.person;
  const merged: PersonInput = {
    employeeCode: input.employeeCode !== undefined ? input.employeeCode : p.employeeCode,
    fullName: input.fullName ?? p.fullName,
    unitId: input.unitId ?? p.unitId,
    positionId: input.positionId !== undefined ? input.positionId : p.positionId,
    leaderRole: input.leaderRole ?? (p.leaderRole as LeaderRole),
    title: input.title !== undefined ? input.title : p.title,
    email: input.email !== undefined ? input.email : p.email,
    phone: input.phone !== undefined ? input.phone : p.phone,
  };
  const { unit, row } = await placePerson(tx, actor, merged, id);
  const updated = await repo.updatePerson(tx, id, input.version, { ...row, active: input.active ?? p.active });
  if (!updated) throw conflict(p.version);
  await recordChange(tx, actor, {
    entity: "person",
    entityId: id,
    unitPath: unit.path,
    action,
    before: snapshot(p),
    after: snapshot(updated),
  });
}
