import { z } from "zod";
import { idSchema, optionalText, trimmed } from "./common.ts";
import { limits } from "./limits.ts";

/**
 * Kinds of org unit. `province`, `department` and `commune` are agencies
 * (cơ quan sử dụng công chức: they classify and are ranked); `division` and
 * `center` are directly-using units inside an agency.
 */
export const orgUnitKinds = ["province", "department", "commune", "division", "center"] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];
export const agencyKinds: readonly OrgUnitKind[] = ["province", "department", "commune"];

export const orgUnitSchema = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  kind: z.enum(orgUnitKinds),
  code: z.string().nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  version: z.number().int(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

export const createOrgUnitBody = z.object({
  parentId: idSchema,
  kind: z.enum(orgUnitKinds),
  code: optionalText(limits.codeMax),
  name: trimmed(limits.nameMax),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

export const updateOrgUnitBody = z.object({
  version: z.number().int(),
  code: optionalText(limits.codeMax).optional(),
  name: trimmed(limits.nameMax).optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
  parentId: idSchema.optional(),
});

export const positionSchema = z.object({
  id: idSchema,
  agencyId: idSchema,
  code: z.string(),
  name: z.string(),
  version: z.number().int(),
});
export type Position = z.infer<typeof positionSchema>;

export const createPositionBody = z.object({
  agencyId: idSchema,
  code: trimmed(limits.codeMax),
  name: trimmed(limits.nameMax),
});

export const updatePositionBody = z.object({
  version: z.number().int(),
  code: trimmed(limits.codeMax).optional(),
  name: trimmed(limits.nameMax).optional(),
});

export const leaderRoles = ["none", "head", "deputy"] as const;
export type LeaderRole = (typeof leaderRoles)[number];

export const personSchema = z.object({
  id: idSchema,
  employeeCode: z.string().nullable(),
  fullName: z.string(),
  unitId: idSchema,
  unitName: z.string(),
  agencyId: idSchema,
  positionId: idSchema.nullable(),
  positionName: z.string().nullable(),
  leaderRole: z.enum(leaderRoles),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Person = z.infer<typeof personSchema>;

const personFields = {
  employeeCode: optionalText(limits.codeMax),
  fullName: trimmed(limits.nameMax),
  unitId: idSchema,
  positionId: idSchema.nullish().transform((v) => v ?? null),
  leaderRole: z.enum(leaderRoles).default("none"),
  title: optionalText(limits.nameMax),
  email: z
    .email()
    .max(limits.nameMax)
    .nullish()
    .or(z.literal(""))
    .transform((v) => (v ? v : null)),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+ .-]{6,20}$/)
    .nullish()
    .or(z.literal(""))
    .transform((v) => (v ? v : null)),
};

export const createPersonBody = z.object(personFields);
export const updatePersonBody = z
  .object(personFields)
  .partial()
  .extend({ version: z.number().int(), active: z.boolean().optional() });

export const peopleQuery = z.object({
  unitId: idSchema.optional(),
  q: z.string().trim().max(limits.nameMax).optional(),
  // Query strings carry "true"/"false"; z.coerce.boolean would read "false" as true.
  includeInactive: z.union([z.boolean(), z.stringbool()]).optional(),
  sort: z.enum(["fullName", "unitName", "positionName", "employeeCode"]).optional(),
  order: z.enum(["asc", "desc"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

/** One rejected spreadsheet row: the row number as the user sees it in Excel. */
export const importRowIssue = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
export type ImportRowIssue = z.infer<typeof importRowIssue>;
export const importResult = z.object({ imported: z.number().int() });

/** Which kinds of unit may sit under which: agencies under the province, divisions and centres inside agencies. */
export const childKinds: Record<OrgUnitKind, readonly OrgUnitKind[]> = {
  province: ["department", "commune"],
  department: ["division", "center"],
  commune: ["division", "center"],
  division: [],
  center: [],
};

export const isAgencyKind = (kind: OrgUnitKind): boolean => agencyKinds.includes(kind);
