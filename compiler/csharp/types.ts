// Static types of the C# binder and the surface-table machinery (type definitions, member
// signatures written as C# text, parsed lazily).
import type { Code } from "../codegen/code.js";
import { Lexer, type Token } from "./lexer.js";
import { InternalCompilerError } from "../diagnostics.js";

export type Type =
  | { k: "named"; def: TypeDef; args: Type[] }
  | { k: "array"; elem: Type }
  | { k: "tp"; name: string }
  | { k: "null" }
  | { k: "void" }
  | { k: "error" }
  /** Static type of an unbound lambda during overload resolution. */
  | { k: "lambda" };

/** What the lowering function of a member gets besides receiver and argument code. */
export interface LowerInfo {
  typeArgs: Type[];
  argTypes: Type[];
  recvType: Type | null;
  retType: Type;
  /** A fresh temporary in the current JS function. */
  temp(): Code;
  /** Number of arguments actually written (before defaults were filled). */
  written: number;
  /**
   * Compile-time values of the arguments, by parameter (undefined where not constant); an expanded
   * `params` slot whose items are all constant holds them as an array. Lets a lowering pick a
   * specialized helper, e.g. `s.Split(',')` → a plain split on ",".
   */
  consts: readonly (ConstArg | undefined)[];
  /** By parameter: the argument is a value boxed by its conversion to the parameter's type. */
  boxes: readonly (BoxKind | undefined)[];
}
export type ConstArg = string | number | boolean | null | readonly (string | number | boolean | null)[];
/**
 * A compile-time constant: `v` as JS holds it; a long or ulong beyond 2^53 also has its exact
 * value in `big` (v is then the nearest double, for checks only).
 */
export interface ConstValue {
  v: string | number | boolean | null;
  big?: bigint;
}
/**
 * A value boxed by a conversion: .NET allocates a new box each time ("fresh"), and a Nullable
 * without a value boxes to null ("freshUnlessNull"). apimc's boxes of numbers and bools are JS
 * primitives, so reference equality (object.ReferenceEquals, `==` on object) asks this instead.
 */
export type BoxKind = "fresh" | "freshUnlessNull";
export type LowerFn = (recv: Code, args: Code[], info: LowerInfo) => Code;

export interface Param {
  name: string;
  type: Type;
  mod: "" | "out" | "ref" | "params" | "this";
  /** Default value code when optional. */
  def?: Code;
  /** The default value itself (for LowerInfo.consts). */
  defConst?: string | number | boolean | null;
}

export interface Signature {
  ret: Type;
  typeParams: string[];
  params: Param[];
}

export type MemberKind = "prop" | "method" | "field" | "indexer" | "ctor";

export interface Member {
  kind: MemberKind;
  name: string;
  isStatic: boolean;
  /** C# text, e.g. "string[] Split(params char[] separator)" or "int Length". */
  sig: string;
  lower: LowerFn;
  /** Setter lowering for settable properties/indexers: (recv, args, value). */
  set?: (recv: Code, args: Code[], value: Code, info: LowerInfo) => Code;
  /** For constants: folded value. */
  constant?: string | number | boolean | null;
  /** A 64-bit constant beyond 2^53: its exact value (`constant` is the nearest double). */
  constantBig?: bigint;
  owner?: TypeDef;
  parsed?: Signature;
  /** Composite formatting (String.Format, AppendFormat): object arguments keep float/enum formatting. */
  formatArgs?: boolean;
  /** An allowed overload apimc will not support, with the reason (APIMC3009 when a call binds to it). */
  notSupported?: string;
}

export interface TypeDef {
  name: string;
  ns: string;
  typeParams: string[];
  valueType: boolean;
  /** Static class (no instances). */
  isStatic?: boolean;
  isInterface?: boolean;
  base?: string;
  interfaces: string[];
  members: Map<string, Member[]>;
  /** Extension methods declared by this (static) class: name → members with a `this` first parameter. */
  extensions?: Map<string, Member[]>;
  /** Runtime test for `is`/`as`/casts from object: code of a boolean expression over `v`. */
  test?: (v: Code) => Code;
  /** Forbidden type: message for APIMC3005. */
  forbidden?: boolean;
  /**
   * A type APIM's allow-list leaves out whose values still flow between allowed members (JsonReader
   * from JToken.CreateReader() into JToken.Load): the text says which. Naming the type or using any
   * of its members is APIMC3005.
   */
  opaque?: string;
  /** Nested under another type name, e.g. "TimeZoneInfo". */
  parsedBase?: Type | null;
  parsedInterfaces?: Type[];
}

// ---- registry --------------------------------------------------------------------------------

const byName = new Map<string, TypeDef[]>();
const byFull = new Map<string, TypeDef>();
export const extensionClasses: TypeDef[] = [];

export function registerType(def: TypeDef): TypeDef {
  const list = byName.get(def.name) ?? [];
  list.push(def);
  byName.set(def.name, list);
  byFull.set(`${def.ns}.${def.name}`, def);
  if (def.extensions) extensionClasses.push(def);
  for (const ms of def.members.values()) for (const m of ms) m.owner = def;
  if (def.extensions) for (const ms of def.extensions.values()) for (const m of ms) m.owner = def;
  return def;
}

export function lookupType(name: string, arity: number): TypeDef | undefined {
  const list = byName.get(name);
  if (!list) return undefined;
  return list.find((d) => d.typeParams.length === arity) ?? undefined;
}
export function lookupTypeAnyArity(name: string): TypeDef[] {
  return byName.get(name) ?? [];
}
export function lookupFull(full: string): TypeDef | undefined {
  return byFull.get(full);
}
export function allTypeNames(): string[] {
  return [...byName.keys()];
}
export function namespaces(): Set<string> {
  const s = new Set<string>();
  for (const d of byFull.values()) {
    const parts = d.ns.split(".");
    for (let i = 1; i <= parts.length; i++) s.add(parts.slice(0, i).join("."));
  }
  return s;
}

export const PRIMITIVE_ALIASES: Record<string, string> = {
  String: "string",
  Int32: "int",
  Int64: "long",
  Int16: "short",
  Byte: "byte",
  SByte: "sbyte",
  UInt16: "ushort",
  UInt32: "uint",
  UInt64: "ulong",
  Double: "double",
  Single: "float",
  Decimal: "decimal",
  Boolean: "bool",
  Char: "char",
  Object: "object",
};

// ---- type helpers ----------------------------------------------------------------------------

export const ERROR: Type = { k: "error" };
export const VOID: Type = { k: "void" };
export const NULL: Type = { k: "null" };

export function named(name: string, ...args: Type[]): Type {
  const def = lookupType(name, args.length);
  if (!def) throw new InternalCompilerError(`surface type '${name}' is not registered`);
  return { k: "named", def, args };
}
export function arrayOf(elem: Type): Type {
  return { k: "array", elem };
}
export function nullableOf(t: Type): Type {
  if (isNullable(t)) return t;
  return named("Nullable", t);
}
export function isNullable(t: Type): boolean {
  return t.k === "named" && t.def.name === "Nullable";
}
export function underlyingNullable(t: Type): Type {
  return isNullable(t) ? (t as { args: Type[] }).args[0]! : t;
}
/** StringComparer and the comparer interfaces a StringComparer is seen through (a Dictionary's Comparer). */
export function isComparerType(t: Type): boolean {
  return t.k === "named" && (t.def.name === "StringComparer" || ((t.def.name === "IEqualityComparer" || t.def.name === "IComparer") && t.def.ns === "System.Collections.Generic"));
}
export function isNamed(t: Type, name: string): boolean {
  return t.k === "named" && t.def.name === name;
}
export function isValueType(t: Type): boolean {
  return t.k === "named" && t.def.valueType;
}
export function isReferenceType(t: Type): boolean {
  return t.k === "array" || (t.k === "named" && !t.def.valueType) || t.k === "null";
}
export const NUMERIC = ["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "char", "float", "double", "decimal"];
export const INTEGRAL = ["sbyte", "byte", "short", "ushort", "int", "uint", "long", "ulong", "char"];
export function isNumeric(t: Type): boolean {
  return t.k === "named" && NUMERIC.includes(t.def.name) && t.def.ns === "System";
}
export function isIntegral(t: Type): boolean {
  return t.k === "named" && INTEGRAL.includes(t.def.name) && t.def.ns === "System";
}
/** The runtime formatting key of an anonymous-type member or Tuple item of static type `t` (its ToString). */
export function anonFormatKey(t: Type): string | null {
  const n = primName(underlyingNullable(t));
  return n === "double" || n === "float" || n === "char" ? n : null;
}
export function primName(t: Type): string | null {
  return t.k === "named" && t.def.ns === "System" && t.args.length === 0 ? t.def.name : null;
}

export function sameType(a: Type, b: Type): boolean {
  if (a.k !== b.k) return false;
  switch (a.k) {
    case "named": {
      const bb = b as typeof a;
      return a.def === bb.def && a.args.length === bb.args.length && a.args.every((x, i) => sameType(x, bb.args[i]!));
    }
    case "array":
      return sameType(a.elem, (b as typeof a).elem);
    case "tp":
      return a.name === (b as typeof a).name;
    default:
      return true;
  }
}

export function typeName(t: Type): string {
  switch (t.k) {
    case "named":
      if (t.def.name === "Nullable") return `${typeName(t.args[0]!)}?`;
      return t.args.length ? `${t.def.name}<${t.args.map(typeName).join(", ")}>` : t.def.name;
    case "array":
      return `${typeName(t.elem)}[]`;
    case "tp":
      return t.name;
    case "null":
      return "<null>";
    case "void":
      return "void";
    case "error":
      return "?";
    case "lambda":
      return "lambda expression";
  }
}

export function substitute(t: Type, map: Map<string, Type>): Type {
  switch (t.k) {
    case "tp":
      return map.get(t.name) ?? t;
    case "named":
      return t.args.length ? { k: "named", def: t.def, args: t.args.map((a) => substitute(a, map)) } : t;
    case "array":
      return { k: "array", elem: substitute(t.elem, map) };
    default:
      return t;
  }
}

export function hasTypeParams(t: Type): boolean {
  switch (t.k) {
    case "tp":
      return true;
    case "named":
      return t.args.some(hasTypeParams);
    case "array":
      return hasTypeParams(t.elem);
    default:
      return false;
  }
}

// ---- signatures --------------------------------------------------------------------------------

class SigParser {
  toks: Token[];
  i = 0;
  constructor(
    readonly text: string,
    readonly typeParams: Set<string>,
  ) {
    this.toks = new Lexer(text).tokenize();
  }
  get t(): Token {
    return this.toks[this.i]!;
  }
  eat(s: string): boolean {
    if (this.t.text === s && this.t.kind !== "string") {
      this.i++;
      return true;
    }
    return false;
  }
  expect(s: string): void {
    if (!this.eat(s)) throw new InternalCompilerError(`bad surface signature '${this.text}': expected '${s}' at token ${this.i}`);
  }
  name(): string {
    const t = this.t;
    if (t.kind !== "ident" && t.kind !== "keyword") throw new InternalCompilerError(`bad surface signature '${this.text}'`);
    this.i++;
    return t.text;
  }
  type(): Type {
    let name = this.name();
    while (this.t.text === "." && this.toks[this.i + 1]?.kind === "ident") {
      this.i++;
      name = this.name(); // qualified names: use the last part
    }
    const args: Type[] = [];
    if (this.t.text === "<") {
      this.i++;
      for (;;) {
        args.push(this.type());
        if (this.eat(",")) continue;
        this.expect(">");
        break;
      }
    }
    let t: Type;
    if (this.typeParams.has(name) && args.length === 0) t = { k: "tp", name };
    else if (name === "void") t = VOID;
    else {
      const def = lookupType(PRIMITIVE_ALIASES[name] ?? name, args.length);
      if (!def) throw new InternalCompilerError(`surface signature '${this.text}' uses unknown type '${name}'`);
      t = { k: "named", def, args };
    }
    for (;;) {
      if (this.t.text === "?" && this.t.kind === "punct") {
        this.i++;
        t = { k: "named", def: lookupType("Nullable", 1)!, args: [t] };
      } else if (this.t.text === "[" && this.toks[this.i + 1]?.text === "]") {
        this.i += 2;
        t = { k: "array", elem: t };
      } else break;
    }
    return t;
  }
}

export function parseSignature(m: Member, ownerTypeParams: string[]): Signature {
  // forms: "Ret Name<T>(params)", "Ret Name" (property), "Ret this[params]" (indexer), "(params)" (ctor)
  const tps = new Set(ownerTypeParams);
  const text = m.sig;
  // pre-scan method type params
  const mt = /^[^(]*?\b\w+\s*<([\w\s,]+)>\s*\(/.exec(text);
  const methodTps: string[] = [];
  if (mt && m.kind === "method") {
    for (const s of mt[1]!.split(",")) {
      methodTps.push(s.trim());
      tps.add(s.trim());
    }
  }
  const p = new SigParser(text, tps);
  let ret: Type = VOID;
  if (m.kind !== "ctor") {
    ret = p.type();
    if (m.kind === "indexer") p.expect("this");
    else p.name();
    if (methodTps.length) {
      p.expect("<");
      while (!p.eat(">")) p.i++;
    }
  }
  const params: Param[] = [];
  const open = m.kind === "indexer" ? "[" : "(";
  const close = m.kind === "indexer" ? "]" : ")";
  if (m.kind === "prop" || m.kind === "field") return { ret, typeParams: [], params };
  p.expect(open);
  if (!p.eat(close)) {
    for (;;) {
      let mod: Param["mod"] = "";
      if (p.t.text === "params" || p.t.text === "out" || p.t.text === "ref" || p.t.text === "this") {
        mod = p.t.text as Param["mod"];
        p.i++;
      }
      const type = p.type();
      const name = p.name();
      const param: Param = { name, type, mod };
      if (p.eat("=")) {
        // default: a literal token
        const t = p.t;
        p.i++;
        let v: string | number | boolean | null;
        if (t.kind === "string") v = t.text;
        else if (t.kind === "int") v = Number(t.num);
        else if (t.kind === "real") v = t.num as number;
        else if (t.text === "true" || t.text === "false") v = t.text === "true";
        else if (t.text === "-") {
          v = -Number(p.t.num);
          p.i++;
        } else v = null;
        param.def = literalCode(v);
        param.defConst = v;
      }
      params.push(param);
      if (p.eat(",")) continue;
      p.expect(close);
      break;
    }
  }
  return { ret, typeParams: methodTps, params };
}

let literalCode: (v: string | number | boolean | null) => Code;
export function setLiteralCode(f: (v: string | number | boolean | null) => Code): void {
  literalCode = f;
}

export function signatureOf(m: Member): Signature {
  if (!m.parsed) m.parsed = parseSignature(m, m.owner?.typeParams ?? []);
  return m.parsed;
}

export function resolveBase(def: TypeDef): { base: Type | null; interfaces: Type[] } {
  if (def.parsedBase === undefined) {
    const tps = new Set(def.typeParams);
    def.parsedBase = def.base ? new SigParser(def.base, tps).type() : null;
    def.parsedInterfaces = def.interfaces.map((s) => new SigParser(s, tps).type());
  }
  return { base: def.parsedBase, interfaces: def.parsedInterfaces! };
}

/** Direct supertypes of `t` (base class, interfaces), with type arguments substituted. */
export function supertypes(t: Type): Type[] {
  if (t.k === "array") {
    const e = t.elem;
    return [named("Array"), named("IEnumerable", e), named("IList", e), named("ICollection", e), named("IReadOnlyList", e), named("IReadOnlyCollection", e)];
  }
  if (t.k !== "named") return [];
  const { base, interfaces } = resolveBase(t.def);
  const map = new Map<string, Type>();
  t.def.typeParams.forEach((tp, i) => map.set(tp, t.args[i] ?? ERROR));
  const out: Type[] = [];
  if (base) out.push(substitute(base, map));
  for (const i of interfaces) out.push(substitute(i, map));
  if (!base && t.def.name !== "object") out.push(named("object"));
  return out;
}

/** The instance of generic `def` that `t` is or derives from, e.g. IEnumerable<T> of List<string>. */
export function findInstance(t: Type, def: TypeDef): Type | null {
  const seen: Type[] = [];
  const queue: Type[] = [t];
  while (queue.length) {
    const x = queue.shift()!;
    if (x.k === "named" && x.def === def) return x;
    if (seen.some((s) => sameType(s, x))) continue;
    seen.push(x);
    queue.push(...supertypes(x));
  }
  return null;
}

export function derivesFrom(t: Type, target: Type): boolean {
  if (target.k === "named") {
    const inst = findInstance(t, target.def);
    if (!inst || inst.k !== "named") return false;
    // covariance for IEnumerable<out T>
    if (sameType(inst, target)) return true;
    if (["IEnumerable", "IReadOnlyList", "IReadOnlyCollection", "IEnumerator"].includes(target.def.name))
      return inst.args.every((a, i) => {
        const b = target.args[i]!;
        return sameType(a, b) || (isReferenceType(a) && derivesFrom(a, b));
      });
    return false;
  }
  if (target.k === "array" && t.k === "array") return sameType(t.elem, target.elem) || (isReferenceType(t.elem) && derivesFrom(t.elem, target.elem));
  return false;
}

/** Element type when `t` is enumerable (foreach, LINQ), or null. */
export function elementType(t: Type): Type | null {
  if (t.k === "array") return t.elem;
  if (t.k !== "named") return null;
  if (t.def.name === "string") return named("char");
  const e = lookupType("IEnumerable", 1);
  const inst = e ? findInstance(t, e) : null;
  return inst && inst.k === "named" ? inst.args[0]! : null;
}
