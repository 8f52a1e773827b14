// A small DSL for the surface tables: one row a member, signature as C# text, lowering as a function.
import { js, rt, type Code } from "../../codegen/code.js";
import { registerType, type LowerFn, type LowerInfo, type Member, type TypeDef } from "../types.js";

type Setter = (recv: Code, args: Code[], value: Code, info: LowerInfo) => Code;

/**
 * `v`, then a culture or format-provider argument the lowering does not use, still evaluated (for
 * CultureInfo.GetCultureInfo's exceptions) in C#'s order; nothing for a constant culture (null).
 */
export const thenProvider = (v: Code, provider: Code | undefined): Code =>
  provider === undefined || String(provider) === "null" ? v : js`${rt("withProvider")}(${v}, ${provider})`;

/** Instance property. */
export const P = (sig: string, lower: LowerFn, set?: Setter): Member => ({ kind: "prop", name: memberName(sig), isStatic: false, sig, lower, set });
/** Static property or field. */
export const SP = (sig: string, lower: LowerFn): Member => ({ kind: "prop", name: memberName(sig), isStatic: true, sig, lower });
/** Instance method. */
export const M = (sig: string, lower: LowerFn): Member => ({ kind: "method", name: memberName(sig), isStatic: false, sig, lower });
/** Static method (also extension methods when the first parameter has `this`). */
export const SM = (sig: string, lower: LowerFn): Member => ({ kind: "method", name: memberName(sig), isStatic: true, sig, lower });
/** Indexer. */
export const I = (sig: string, lower: LowerFn, set?: Setter): Member => ({ kind: "indexer", name: "this[]", isStatic: false, sig, lower, set });
/** Constructor. */
export const C = (sig: string, lower: LowerFn): Member => ({ kind: "ctor", name: ".ctor", isStatic: false, sig, lower });
/** An overload that cannot work in a policy (a file or URL overload of Load/Save): binding it is APIMC3009 with the reason. */
export const NS = (m: Member, reason: string): Member => ({ ...m, notSupported: reason });
/** Constant (enum members, int.MaxValue, ...). */
export const K = (sig: string, value: string | number | boolean | null, lower: LowerFn): Member => ({
  kind: "field",
  name: memberName(sig),
  isStatic: true,
  sig,
  lower,
  constant: value,
});

function memberName(sig: string): string {
  const m = /(\w+)\s*(?:<[\w\s,]+>)?\s*(?:\(|$)/.exec(sig.trim());
  if (!m) throw new Error(`bad member signature ${sig}`);
  return m[1]!;
}

export interface TypeOptions {
  typeParams?: string[];
  valueType?: boolean;
  isStatic?: boolean;
  isInterface?: boolean;
  base?: string;
  interfaces?: string[];
  test?: (v: Code) => Code;
  /** See TypeDef.opaque. */
  opaque?: string;
}

/** Declares a type with its members. Extension methods (first parameter `this`) go to the extension table. */
export function type(ns: string, name: string, opts: TypeOptions, members: Member[]): TypeDef {
  const def: TypeDef = {
    name,
    ns,
    typeParams: opts.typeParams ?? [],
    valueType: opts.valueType ?? false,
    isStatic: opts.isStatic,
    isInterface: opts.isInterface,
    base: opts.base,
    interfaces: opts.interfaces ?? [],
    members: new Map(),
    test: opts.test,
    opaque: opts.opaque,
  };
  for (const m of members) {
    const isExt = m.kind === "method" && m.isStatic && /\(\s*this\s/.test(m.sig);
    const table = isExt ? (def.extensions ??= new Map()) : def.members;
    const key = m.kind === "ctor" ? ".ctor" : m.name;
    const list = table.get(key) ?? [];
    list.push(m);
    table.set(key, list);
  }
  return registerType(def);
}

/** Adds members to an already declared type (surface files that extend another area's type). */
export function extend(def: TypeDef, members: Member[]): void {
  for (const m of members) {
    m.owner = def;
    const isExt = m.kind === "method" && m.isStatic && /\(\s*this\s/.test(m.sig);
    if (isExt && !def.extensions) throw new Error("extend: extension table missing");
    const table = isExt ? def.extensions! : def.members;
    const key = m.kind === "ctor" ? ".ctor" : m.name;
    const list = table.get(key) ?? [];
    list.push(m);
    table.set(key, list);
  }
}
