import type { MessageKey } from "../i18n/index.ts";

/**
 * Vietnamese names for audit entities, actions and fields. The server's
 * spelling (snake_case or camelCase) is normalised first; anything unknown
 * is shown as recorded rather than hidden.
 */
const entities: Record<string, MessageKey> = {
  orgunit: "audit.entityOrgUnit",
  unit: "audit.entityOrgUnit",
  position: "audit.entityPosition",
  person: "audit.entityPerson",
  user: "audit.entityUser",
  grant: "audit.entityGrant",
};

const actions: Record<string, MessageKey> = {
  create: "audit.actionCreate",
  insert: "audit.actionCreate",
  update: "audit.actionUpdate",
  delete: "audit.actionDelete",
  import: "audit.actionImport",
  login: "audit.actionLogin",
  password: "audit.actionPassword",
};

const fields: Record<string, MessageKey> = {
  name: "common.name",
  code: "common.code",
  kind: "org.unitKind",
  parentid: "org.parent",
  sortorder: "org.sortOrder",
  agencyid: "common.agency",
  fullname: "people.fullName",
  employeecode: "people.employeeCode",
  unitid: "people.unit",
  positionid: "people.position",
  leaderrole: "people.leaderRole",
  title: "people.jobTitle",
  email: "people.email",
  phone: "people.phone",
  active: "common.status",
  username: "admin.username",
  displayname: "admin.displayName",
  personid: "admin.person",
  role: "admin.role",
  orgunitid: "admin.scope",
};

const norm = (s: string) => s.replace(/[_\-.\s]/g, "").toLowerCase();

export const entityKeys = ["orgUnit", "position", "person", "user", "grant"] as const;

export function entityLabel(entity: string): MessageKey | null {
  return entities[norm(entity)] ?? null;
}

export function actionLabel(action: string): MessageKey | null {
  const n = norm(action);
  return actions[n] ?? actions[n.replace(/d$/, "")] ?? null;
}

export function fieldLabel(field: string): MessageKey | null {
  return fields[norm(field)] ?? null;
}
