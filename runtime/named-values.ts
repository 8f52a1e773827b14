// Named values at run time. A named value marked secret (`{ "value": "...", "secret": true }`) is
// never compiled into a module: the module asks for it when it loads (`secretNamedValue`), from the
// table of the host that loads it (`withNamedValues`: the gateway, runPolicy, the prebuilt loader)
// or, for ES modules imported by another host, from `setNamedValues`. The secret values are also
// what traces and logs mask (`maskSecrets`).

/** A named value as written in a named-values file: its text, or `{ value, secret }`. */
export type NamedValueInput = string | { value: string; secret?: boolean };

export interface NamedValueTable {
  /** name → value, secret or not. */
  values: Readonly<Record<string, string>>;
  /** Names of the values marked secret. */
  secrets: ReadonlySet<string>;
}

/** Accepts both forms; anything else is left to the caller's validation (a value that is not a string is dropped). */
export function normalizeNamedValues(input: Readonly<Record<string, NamedValueInput>> | NamedValueTable | undefined): NamedValueTable {
  if (!input) return { values: {}, secrets: new Set() };
  if (isTable(input)) return input;
  // No prototype: a named value may be called `__proto__`.
  const values: Record<string, string> = Object.create(null);
  const secrets = new Set<string>();
  for (const [name, v] of Object.entries(input)) {
    if (typeof v === "string") values[name] = v;
    else if (v && typeof v === "object" && typeof v.value === "string") {
      values[name] = v.value;
      if (v.secret === true) secrets.add(name);
    }
  }
  return { values, secrets };
}

function isTable(x: object): x is NamedValueTable {
  return "values" in x && "secrets" in x && (x as NamedValueTable).secrets instanceof Set;
}

/** The values of the secret named values, longest first (so a secret inside another is masked whole). */
export function secretValues(nv: NamedValueTable): string[] {
  const out = new Set<string>();
  for (const name of nv.secrets) {
    const v = nv.values[name];
    if (typeof v === "string" && v !== "") out.add(v);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/** `text` with every occurrence of each secret value replaced by `***`. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s !== "" && out.includes(s)) out = out.split(s).join("***");
  return out;
}

// The table modules read while they load. Loading a function-format module is synchronous, so a
// stack (not one global) lets several gateways with different tables live in one process.
const loading: NamedValueTable[] = [];
let processWide: NamedValueTable | null = null;

/** Runs `load` (which evaluates policy modules) with `nv` as the named values they read. */
export function withNamedValues<T>(nv: NamedValueTable, load: () => T): T {
  loading.push(nv);
  try {
    return load();
  } finally {
    loading.pop();
  }
}

/**
 * For hosts that import `apimc compile` / `apimc build --format esm` modules themselves: the named
 * values those modules read when they are imported (call it before the import).
 */
export function setNamedValues(nv: Readonly<Record<string, NamedValueInput>> | NamedValueTable | null): void {
  processWide = nv ? normalizeNamedValues(nv) : null;
}

/** Called by a generated module while it loads, once per secret named value it uses. */
export function secretNamedValue(name: string): string {
  const table = loading[loading.length - 1] ?? processWide;
  const v = table && Object.prototype.hasOwnProperty.call(table.values, name) ? table.values[name] : undefined;
  if (typeof v !== "string")
    throw new Error(
      table
        ? `This policy module uses the secret named value '${name}', which the named values it is loaded with do not define.`
        : `This policy module uses the secret named value '${name}': load it through the gateway or runPolicy with the named values, or call setNamedValues() from apimc/runtime before importing it.`,
    );
  return v;
}
