// Questions about APIM's allow-list (apim-allow-list.json, generated from the docs' table) asked by the
// binder when a name does not resolve, and by the coverage table: is this type or member one APIM
// allows (so apimc's answer is "not supported yet") or one it forbids?
import { ALLOWED_TYPES, type AllowedMember, type AllowedType } from "./apim-allow-list.js";
import { notSupportedReason } from "./allow-list-unsupported.js";
import { lookupTypeAnyArity, PRIMITIVE_ALIASES, supertypes, type Type, type TypeDef } from "../types.js";

export { ALLOWED_TYPES, type AllowedMember, type AllowedType };

/** A CLR reflection name split into the surface's (namespace, name, arity): System.String → (System, string, 0). */
function clrKey(clr: string): { ns: string; name: string; arity: number } {
  const m = /^(.*)\.([^.`+]+(?:\+[^.`]+)?)(?:`(\d+))?$/.exec(clr)!;
  const name = m[2]!.replace(/^.*\+/, "");
  const ns = m[2]!.includes("+") ? `${m[1]}.${m[2]!.replace(/\+.*$/, "")}` : m[1]!;
  return { ns, name: ns === "System" && PRIMITIVE_ALIASES[name] ? PRIMITIVE_ALIASES[name]! : name, arity: Number(m[3] ?? 0) };
}

/** The surface types that implement an allow-list row (every arity of a generic family). */
export function surfaceDefsOf(row: AllowedType): TypeDef[] {
  const out: TypeDef[] = [];
  for (const clr of row.clr) {
    const k = clrKey(clr);
    for (const d of lookupTypeAnyArity(k.name)) if (d.ns === k.ns && d.typeParams.length === k.arity && !out.includes(d)) out.push(d);
  }
  return out;
}

let rowsByDef: Map<TypeDef, AllowedType[]> | null = null;
function rowsOf(def: TypeDef): AllowedType[] {
  if (!rowsByDef) {
    rowsByDef = new Map();
    for (const row of ALLOWED_TYPES) for (const d of surfaceDefsOf(row)) rowsByDef.set(d, [...(rowsByDef.get(d) ?? []), row]);
  }
  return rowsByDef.get(def) ?? [];
}

/** Member names as the surface keys them. */
export function surfaceKey(m: AllowedMember): string {
  return m[1] === "ctor" ? ".ctor" : m[1] === "indexer" ? "this[]" : m[0];
}

/**
 * An allowed type that a simple or dotted type name written in an expression refers to, and that the
 * surface does not declare (e.g. `StringReader`, `System.IO.StringReader`, `Queue`).
 */
export function allowedTypeNamed(written: string): AllowedType | undefined {
  const simple = written.replace(/^.*\./, "");
  return ALLOWED_TYPES.find((row) => {
    const docName = row.type.replace(/<.*>$/, "");
    return docName === written || docName.endsWith(`.${written}`) || (written === simple && docName.replace(/^.*\./, "") === simple);
  });
}

export type MemberVerdict = { allowed: true; row: AllowedType } | { allowed: false; row: AllowedType } | null;

/**
 * What APIM says about member `name` (surface key: ".ctor", "this[]" or the name) of type `t` or its
 * supertypes: allowed (a row lists it), not allowed (the type is on the list, the member exists in
 * .NET but the row restricts its members), or null when no allowed type on the chain has such a member.
 */
export function memberVerdict(t: Type, key: string): MemberVerdict {
  const seen = new Set<TypeDef>();
  const queue: Type[] = [t];
  let notAllowed: AllowedType | null = null;
  while (queue.length) {
    const x = queue.shift()!;
    if (x.k === "named") {
      if (seen.has(x.def)) continue;
      seen.add(x.def);
      for (const row of rowsOf(x.def)) {
        if (row.members.some((m) => surfaceKey(m) === key)) return { allowed: true, row };
        if (row.restricted?.some((r) => r[0] === key)) notAllowed ??= row;
      }
    }
    queue.push(...supertypes(x));
  }
  return notAllowed ? { allowed: false, row: notAllowed } : null;
}

/** An allowed extension-method class that declares `name` (Enumerable.Zip, Extensions.Values, ...). */
export function allowedExtension(name: string): AllowedType | undefined {
  return ALLOWED_TYPES.find((row) => /\.(Enumerable|Extensions)$/.test(row.type) && row.members.some((m) => m[0] === name && m[2] === 1));
}

/** "System.String.Normalize", "System.Xml.Linq.XElement.(Constructor)": how diagnostics name a member. */
export function memberTitle(row: AllowedType, key: string): string {
  const member = key === ".ctor" ? "(Constructor)" : key === "this[]" ? "Item" : key;
  return `${row.type.replace(/<.*>$/, "")}.${member}`;
}

/** APIMC3009's text for an allowed member apimc lacks: "not yet", or why it never will (allow-list-unsupported.ts). */
export function notSupportedMessage(title: string): string {
  const why = notSupportedReason(title);
  return why ? `'${title}' is allowed in APIM policy expressions but apimc does not support it: ${why}.` : `'${title}' is allowed in APIM policy expressions but apimc does not support it yet.`;
}

/** Whether the surface declares member `key` on one of `defs` or their supertypes (as the binder finds it). */
export function surfaceHas(defs: readonly TypeDef[], key: string): boolean {
  for (const def of defs) {
    const seen = new Set<TypeDef>();
    // System.Array's members are found on arrays, through the interfaces arrays implement too
    const self: Type = def.ns === "System" && def.name === "Array" ? { k: "array", elem: { k: "tp", name: "T" } } : { k: "named", def, args: def.typeParams.map((name) => ({ k: "tp", name }) as Type) };
    const queue: Type[] = [self];
    while (queue.length) {
      const x = queue.shift()!;
      if (x.k === "array") {
        queue.push(...supertypes(x));
        continue;
      }
      if (x.k !== "named" || seen.has(x.def)) continue;
      seen.add(x.def);
      if (x.def.members.get(key)?.length || x.def.extensions?.get(key)?.length) return true;
      // a static class's members are its own; instance types inherit
      if (!x.def.isStatic) queue.push(...supertypes(x));
    }
  }
  return false;
}
