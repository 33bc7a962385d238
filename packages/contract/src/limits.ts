/** Limits shared by server validation and web forms, so both say the same thing. */
export const limits = {
  nameMax: 200,
  codeMax: 40,
  noteMax: 2000,
  usernameMin: 2,
  usernameMax: 60,
  passwordMin: 8,
  passwordMax: 128,
  pageSizeMax: 200,
  importRowsMax: 5000,
  importFileBytes: 5 * 1024 * 1024,
} as const;
