/** `--name value` pairs of a subcommand, checked against the names it knows. */
export function parseNumberOptions<K extends string>(
  args: readonly string[],
  defaults: Record<K, number>,
): { ok: true; value: Record<K, number> } | { ok: false; message: string } {
  const value = { ...defaults };
  for (let i = 0; i < args.length; i += 2) {
    const name = args[i]?.replace(/^--/, "") as K;
    const raw = args[i + 1];
    if (!(name in defaults)) return { ok: false, message: `Tham số không hợp lệ: «${args[i]}».` };
    const n = Number(raw);
    if (raw === undefined || !Number.isInteger(n) || n < 1) {
      return { ok: false, message: `«--${name}» cần một số nguyên dương.` };
    }
    value[name] = n;
  }
  return { ok: true, value };
}
