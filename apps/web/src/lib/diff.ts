/** One changed field of an audit entry, values already rendered as text. */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const HIDDEN = new Set(["passwordHash", "password", "version", "updatedAt", "createdAt"]);

function render(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Compare the `before` and `after` snapshots of an audit entry field by field.
 * A creation has no `before`, a deletion no `after`; bookkeeping fields
 * (version, timestamps, secrets) are left out. A non-object snapshot is
 * shown as a single pseudo-field "".
 */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) {
    const rb = render(before);
    const ra = render(after);
    return rb === ra ? [] : [{ field: "", before: rb, after: ra }];
  }
  const fields = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])].filter((f) => !HIDDEN.has(f));
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const rb = render(b?.[field]);
    const ra = render(a?.[field]);
    if (rb !== ra) changes.push({ field, before: rb, after: ra });
  }
  return changes;
}
