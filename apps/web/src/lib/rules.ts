import { limits } from "@thuocdo/contract";
import type { FormRule } from "antd";
import { t } from "../i18n/index.ts";

/**
 * AntD form rules built from the contract's `limits`, so the form and the
 * server reject the same input with the same reasons (STYLE.md §9).
 * `field` is the field's label, lower-cased into the sentence.
 */
export function requiredText(field: string, max: number = limits.nameMax): FormRule[] {
  return [
    { required: true, message: t("validation.required", { field: field.toLowerCase() }) },
    { whitespace: true, message: t("validation.notBlank", { field }) },
    { max, message: t("validation.tooLong", { field, max }) },
  ];
}

export function optionalText(field: string, max: number = limits.nameMax): FormRule[] {
  return [{ max, message: t("validation.tooLong", { field, max }) }];
}

export function requiredSelect(field: string): FormRule[] {
  return [{ required: true, message: t("validation.requiredSelect", { field: field.toLowerCase() }) }];
}

/** The password policy of the contract: limits.passwordMin..passwordMax characters, letters and digits. */
export function passwordIssue(p: string): string | null {
  if (p.length < limits.passwordMin) return t("auth.passwordPolicy", { min: limits.passwordMin });
  if (p.length > limits.passwordMax)
    return t("validation.tooLong", { field: t("auth.password"), max: limits.passwordMax });
  if (!/[A-Za-zÀ-ỹ]/.test(p) || !/\d/.test(p)) return t("validation.passwordWeak");
  return null;
}

export function passwordRules(field: string): FormRule[] {
  return [
    { required: true, message: t("validation.required", { field: field.toLowerCase() }) },
    {
      validator: (_, value: string | undefined) => {
        if (!value) return Promise.resolve();
        const issue = passwordIssue(value);
        return issue ? Promise.reject(new Error(issue)) : Promise.resolve();
      },
    },
  ];
}

export const usernamePattern = /^[a-z0-9._-]+$/;

export function usernameRules(): FormRule[] {
  const field = t("admin.username");
  return [
    { required: true, message: t("validation.required", { field: field.toLowerCase() }) },
    { min: limits.usernameMin, message: t("validation.tooShort", { field, min: limits.usernameMin }) },
    { max: limits.usernameMax, message: t("validation.tooLong", { field, max: limits.usernameMax }) },
    { pattern: usernamePattern, message: t("admin.usernamePattern") },
  ];
}

export const emailRules: FormRule[] = [
  { type: "email", message: t("people.emailInvalid") },
  { max: limits.nameMax, message: t("validation.tooLong", { field: t("people.email"), max: limits.nameMax }) },
];

export const phoneRules: FormRule[] = [{ pattern: /^[0-9+ .-]{6,20}$/, message: t("people.phoneInvalid") }];
