import { z } from "zod";
import { idSchema } from "./common.ts";
import { limits } from "./limits.ts";

/** Roles of DESIGN.md §1. Every grant is a role scoped to an org unit and everything below it. */
export const roles = ["staff", "manager", "head", "hr", "appraiser", "council", "admin"] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

export const grantSchema = z.object({
  id: idSchema,
  role: roleSchema,
  orgUnitId: idSchema,
  orgUnitName: z.string(),
});
export type Grant = z.infer<typeof grantSchema>;

export const sessionUserSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  personId: idSchema.nullable(),
  mustChangePassword: z.boolean(),
});

export const sessionSchema = z.object({
  user: sessionUserSchema,
  grants: z.array(grantSchema),
  csrfToken: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const loginBody = z.object({
  username: z.string().trim().min(1).max(limits.usernameMax),
  password: z.string().min(1).max(limits.passwordMax),
});

export const passwordPolicyMessage = "Mật khẩu cần ít nhất 8 ký tự, gồm cả chữ và số.";

export const passwordSchema = z
  .string()
  .min(limits.passwordMin)
  .max(limits.passwordMax)
  .refine((p) => /[A-Za-zÀ-ỹ]/.test(p) && /\d/.test(p), { message: passwordPolicyMessage });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(limits.passwordMax),
  newPassword: passwordSchema,
});
