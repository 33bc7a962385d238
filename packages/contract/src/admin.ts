import { z } from "zod";
import { grantSchema, passwordSchema, roleSchema } from "./auth.ts";
import { idSchema, trimmed } from "./common.ts";
import { limits } from "./limits.ts";

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  personId: idSchema.nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  grants: z.array(grantSchema),
  version: z.number().int(),
});
export type User = z.infer<typeof userSchema>;

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(limits.usernameMin)
    .max(limits.usernameMax)
    .regex(/^[a-z0-9._-]+$/),
  displayName: trimmed(limits.nameMax),
  personId: idSchema.nullish().transform((v) => v ?? null),
  password: passwordSchema,
});

export const updateUserBody = z.object({
  version: z.number().int(),
  displayName: trimmed(limits.nameMax).optional(),
  personId: idSchema.nullable().optional(),
  active: z.boolean().optional(),
  unlock: z.boolean().optional(),
});

export const resetPasswordBody = z.object({ password: passwordSchema });

export const createGrantBody = z.object({ role: roleSchema, orgUnitId: idSchema });

export const auditEntrySchema = z.object({
  id: idSchema,
  at: z.string(),
  actorId: idSchema.nullable(),
  actorName: z.string().nullable(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuery = z.object({
  entity: z.string().max(60).optional(),
  entityId: z.string().max(64).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(50),
});

export const healthSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  database: z.enum(["pglite", "postgres"]),
  schemaVersion: z.string(),
  migrations: z.number().int(),
  version: z.string(),
});
