// Enum.TryParse<TEnum>: names (comma-separated flags, OR-ed) or an integer, as .NET reads them.

export function enumTryParse(s: string | null, names: readonly string[], values: readonly number[], ignoreCase: boolean): number | undefined {
  if (s === null || s === undefined) return undefined;
  const t = s.trim();
  if (t === "") return undefined;
  if (/^[0-9+-]/.test(t)) {
    if (!/^[+-]?\d+$/.test(t)) return undefined;
    const n = Number(t);
    return n >= -2147483648 && n <= 2147483647 ? n : undefined;
  }
  let v = 0;
  for (const part of t.split(",")) {
    const p = part.trim();
    const i = ignoreCase ? names.findIndex((n) => n.toLowerCase() === p.toLowerCase()) : names.indexOf(p);
    if (i < 0) return undefined;
    v |= values[i]!;
  }
  return v;
}
