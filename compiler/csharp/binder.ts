// Binder: resolves names and members against the surface tables, computes static types, picks
// overloads (with generic inference through lambdas), applies implicit conversions, and produces
// the lowered JS for each node on the way (see lower.ts for the value representations and the
// operator/conversion lowering it calls).
import { ident, js, literal, rt, type Code } from "../codegen/code.js";
import type { ModuleScope } from "../codegen/scope.js";
import { Codes, didYouMean, type DiagnosticCode } from "../diagnostics.js";
import type { Arg, Expr, InterpPart, Stmt, TypeNode } from "./ast.js";
import { typeNodeText } from "./ast.js";
import { allowedExtension, allowedTypeNamed, memberTitle, memberVerdict } from "./surface/allow-list.js";
import {
  ERROR,
  NULL,
  VOID,
  allTypeNames,
  arrayOf,
  derivesFrom,
  elementType,
  extensionClasses,
  findInstance,
  hasTypeParams,
  isNamed,
  isNullable,
  isNumeric,
  isReferenceType,
  isValueType,
  lookupFull,
  lookupType,
  lookupTypeAnyArity,
  named,
  namespaces,
  nullableOf,
  primName,
  PRIMITIVE_ALIASES,
  sameType,
  signatureOf,
  substitute,
  supertypes,
  typeName,
  underlyingNullable,
  type LowerInfo,
  type Member,
  type Type,
  type ConstArg,
} from "./types.js";
import * as L from "./lower.js";

export class BindError extends Error {
  constructor(
    readonly code: DiagnosticCode,
    readonly pos: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Local {
  name: string;
  type: Type;
  code: Code;
  isConst?: boolean;
  cv?: { v: string | number | boolean | null };
  readonly?: boolean;
  /** A local function: its signature (the local's code is the JS function's name). */
  fn?: { params: Type[]; ret: Type };
}

interface CondWrap {
  t: Code;
  recv: Code;
}

export interface BExpr {
  type: Type;
  code: Code;
  pos: number;
  /** Compile-time constant. */
  cv?: { v: string | number | boolean | null };
  /** Known never null (a concatenation): no `?? ""` when it is concatenated again. */
  nonNull?: boolean;
  /** A type used as an expression (`string.Join`, `JObject.Parse`). */
  typeRef?: Type;
  /** A namespace prefix (`System.Text`). */
  ns?: string;
  /** An unbound lambda. */
  lambda?: Expr & { k: "lambda" };
  /** A local variable (assignable unless readonly). */
  local?: Local;
  /** Settable property/indexer: produces the assignment given receiver temps. */
  assign?: (value: Code, temp: () => Code) => Code;
  /** Open `?.` guards of this access chain. */
  conds?: CondWrap[];
  /** Pure: evaluating twice has no effect (locals, constants, ctx). */
  pure?: boolean;
}

interface Frame {
  temps: Code[];
}

/** Names that are real .NET types but not allowed in policy expressions. */
const FORBIDDEN: Record<string, string> = {
  File: "System.IO.File",
  Directory: "System.IO.Directory",
  FileInfo: "System.IO.FileInfo",
  Path: "System.IO.Path",
  Stream: "System.IO.Stream",
  FileStream: "System.IO.FileStream",
  StreamReader: "System.IO.StreamReader",
  Environment: "System.Environment",
  Process: "System.Diagnostics.Process",
  Thread: "System.Threading.Thread",
  Task: "System.Threading.Tasks.Task",
  HttpClient: "System.Net.Http.HttpClient",
  WebClient: "System.Net.WebClient",
  WebRequest: "System.Net.WebRequest",
  Assembly: "System.Reflection.Assembly",
  Activator: "System.Activator",
  AppDomain: "System.AppDomain",
  Console: "System.Console",
  GC: "System.GC",
  Marshal: "System.Runtime.InteropServices.Marshal",
  Socket: "System.Net.Sockets.Socket",
  Dns: "System.Net.Dns",
  Registry: "Microsoft.Win32.Registry",
  Type: "System.Type",
  Timer: "System.Threading.Timer",
  Monitor: "System.Threading.Monitor",
  Interlocked: "System.Threading.Interlocked",
};

export class Binder {
  private scopes: Map<string, Local>[] = [new Map()];
  private frames: Frame[] = [{ temps: [] }];
  /** Inside a catch clause: the identifier holding the caught exception (for `throw;`). */
  private catchVar: Code | null = null;
  /** Return type of the innermost lambda/block being bound (null while inferring). */
  private returnTypes: (Type | null | ReturnConverter)[] = [];
  private returnSeen: Type[][] = [];
  private loopDepth = 0;
  private switchDepth = 0;
  /** Inside checked(...): integral overflow throws OverflowException. null = default context (unchecked at run time, constants checked). */
  checkedCtx: boolean | null = null;

  /** Set when the expression reads a message body (a member of type IMessageBody): the gateway must buffer bodies. */
  readsBody = false;

  constructor(
    readonly src: string,
    readonly scope: ModuleScope,
  ) {}

  // ---- errors, temps, locals -----------------------------------------------------------------
  err(code: DiagnosticCode, pos: number, msg: string): never {
    throw new BindError(code, pos, msg);
  }
  /**
   * Before "does not contain a definition": a member APIM allows but the surface lacks is reported as
   * not supported yet (APIMC3009), one APIM leaves out of an allowed type as not allowed (APIMC3005).
   */
  private checkAllowList(t: Type, key: string, pos: number): void {
    const v = memberVerdict(t, key);
    if (v?.allowed) this.err(Codes.CSharpNotSupported, pos, `'${memberTitle(v.row, key)}' is allowed in APIM policy expressions but apimc does not support it yet.`);
    if (v) this.err(Codes.CSharpForbiddenType, pos, `'${memberTitle(v.row, key)}' is not allowed in APIM policy expressions (it is not among the members the APIM reference lists for ${v.row.type}).`);
  }
  /** A type APIM allows that the surface does not declare: not supported yet (APIMC3009). */
  private checkAllowedType(written: string, pos: number): void {
    const row = allowedTypeNamed(written);
    if (row) this.err(Codes.CSharpNotSupported, pos, `'${row.type}' is allowed in APIM policy expressions but apimc does not support it yet.`);
  }
  temp(): Code {
    const t = this.scope.names.fresh("t");
    this.frames[this.frames.length - 1]!.temps.push(t);
    return t;
  }
  pushFrame(): void {
    this.frames.push({ temps: [] });
  }
  popFrame(): Code[] {
    return this.frames.pop()!.temps;
  }
  get frameTemps(): Code[] {
    return this.frames[this.frames.length - 1]!.temps;
  }
  private lookupLocal(name: string): Local | undefined {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const l = this.scopes[i]!.get(name);
      if (l) return l;
    }
    return undefined;
  }
  declareLocal(name: string, type: Type, pos: number): Local {
    if (this.lookupLocal(name) || name === "context")
      this.err(Codes.CSharpDuplicateName, pos, `A local variable named '${name}' cannot be declared in this scope because it would give a different meaning to '${name}'.`);
    const l: Local = { name, type, code: this.scope.names.fresh(`v_${name}`) };
    this.scopes[this.scopes.length - 1]!.set(name, l);
    return l;
  }
  pushScope(): void {
    this.scopes.push(new Map());
  }
  popScope(): void {
    this.scopes.pop();
  }

  // ---- types -------------------------------------------------------------------------------------
  resolveType(t: TypeNode): Type {
    switch (t.k) {
      case "tarray":
        return arrayOf(this.resolveType(t.elem));
      case "tnullable": {
        const inner = this.resolveType(t.inner);
        if (!isValueType(inner)) this.err(Codes.CSharpTooNew, t.pos, `Nullable reference types ('${typeName(inner)}?') need C# 8.`);
        return nullableOf(inner);
      }
      case "tname": {
        const parts = t.parts;
        const last = parts[parts.length - 1]!;
        const args = last.args.map((a) => this.resolveType(a));
        if (parts.length === 1 && last.name === "var") this.err(Codes.CSharpSyntax, t.pos, "'var' is not allowed here.");
        if (parts.length === 1 && last.name === "dynamic") this.err(Codes.CSharpForbiddenType, t.pos, "'dynamic' is not available in policy expressions.");
        const full = parts.map((p) => p.name).join(".");
        const simple = PRIMITIVE_ALIASES[last.name] && (parts.length === 1 || full === `System.${last.name}`) ? PRIMITIVE_ALIASES[last.name]! : last.name;
        let def = lookupType(simple, args.length);
        if (parts.length > 1) {
          const byFull = lookupFull(full.replace(/\.(\w+)$/, (_m, n: string) => `.${PRIMITIVE_ALIASES[n] ?? n}`));
          const ns = parts
            .slice(0, -1)
            .map((p) => p.name)
            .join(".");
          if (byFull && byFull.typeParams.length === args.length) def = byFull;
          else if (def && def.ns !== ns && !def.ns.endsWith(ns)) def = undefined;
        }
        if (!def) {
          if (parts.length > 1 && allowedTypeNamed(full)?.type.replace(/<.*>$/, "") === full) this.checkAllowedType(full, t.pos);
          const forb = FORBIDDEN[last.name];
          if (forb || (parts.length > 1 && this.isForbiddenNamespace(full)))
            this.err(Codes.CSharpForbiddenType, t.pos, `'${forb && parts.length === 1 ? forb : full}' is not available in policy expressions.`);
          if (lookupTypeAnyArity(simple).length)
            this.err(Codes.CSharpTypeMismatch, t.pos, `Using the type '${last.name}' requires ${lookupTypeAnyArity(simple)[0]!.typeParams.length} type arguments.`);
          this.checkAllowedType(full, t.pos);
          this.err(Codes.CSharpUnknownName, t.pos, `The type or namespace name '${typeNodeText(t)}' could not be found.${didYouMean(last.name, allTypeNames())}`);
        }
        return { k: "named", def, args };
      }
    }
  }

  private isForbiddenNamespace(full: string): boolean {
    return /^(System\.(IO|Reflection|Threading|Diagnostics|Net\.Http|Net\.Sockets|Runtime|Data|Web|Configuration)|Microsoft\.Win32)(\.|$)/.test(full);
  }

  // ---- expressions -----------------------------------------------------------------------------
  /** Binds a value expression (closing any open `?.` chain). */
  expr(e: Expr): BExpr {
    const b = this.raw(e);
    return this.value(this.close(b), e.pos);
  }

  /** Ensures `b` is a value (not a type, namespace, method group or lambda). */
  value(b: BExpr, pos: number): BExpr {
    if (b.typeRef) this.err(Codes.CSharpTypeMismatch, pos, `'${typeName(b.typeRef)}' is a type, which is not valid in the given context.`);
    if (b.ns !== undefined) this.err(Codes.CSharpTypeMismatch, pos, `'${b.ns}' is a namespace, which is not valid in the given context.`);
    if (b.lambda) this.err(Codes.CSharpTypeMismatch, pos, "A lambda expression needs a target type here.");
    return b;
  }

  /** Closes open `?.` guards: `(t = recv) == null ? null : code`. */
  close(b: BExpr): BExpr {
    if (!b.conds || b.conds.length === 0) return b;
    let code = b.code;
    for (let i = b.conds.length - 1; i >= 0; i--) {
      const c = b.conds[i]!;
      code = js`((${c.t} = ${c.recv}) == null ? null : ${code})`;
    }
    let type = b.type;
    if (isValueType(type) && !isNullable(type)) type = nullableOf(type);
    return { type, code, pos: b.pos };
  }

  raw(e: Expr): BExpr {
    switch (e.k) {
      case "lit":
        return L.literalExpr(e, this);
      case "paren": {
        const inner = this.expr(e.expr);
        return { ...inner, code: js`(${inner.code})`, local: undefined, assign: undefined };
      }
      case "interp":
        return this.interp(e.parts, e.pos);
      case "name":
        return this.name(e);
      case "ptype":
        return { type: ERROR, code: js``, pos: e.pos, typeRef: named(e.name) };
      case "member":
        return this.member(e);
      case "call":
        return this.call(e);
      case "index":
        return this.index(e);
      case "unary":
        return L.unary(this, e.op, e.operand, e.pos);
      case "postfix":
        return L.incDec(this, e.op, e.operand, e.pos, true);
      case "binary":
        return L.binary(this, e);
      case "cond":
        return L.conditional(this, e);
      case "assign":
        return L.assign(this, e);
      case "cast":
        return L.cast(this, this.expr(e.expr), this.resolveType(e.type), e.pos, e.type.pos);
      case "is":
        return L.isExpr(this, e);
      case "as":
        return L.asExpr(this, this.expr(e.expr), this.resolveType(e.type), e.pos);
      case "lambda":
        return { type: { k: "lambda" }, code: js``, pos: e.pos, lambda: e };
      case "new":
        return this.newObject(e);
      case "newArray":
        return this.newArray(e);
      case "newAnon": {
        // A plain object (JSON serializes it by its members) given .NET's ToString/Equals/GetHashCode
        // by rt.anon; the format keys say how numbers print in ToString (double 1E+15, char 'a').
        const members = e.members.map((m) => ({ name: m.name, b: this.expr(m.value) }));
        let code = js`{ `;
        members.forEach((m, i) => (code = js`${code}${i ? js`, ` : js``}${literal(m.name)}: ${m.b.code}`));
        let keys = js``;
        members.forEach((m, i) => (keys = js`${keys}${i ? js`, ` : js``}${literal(L.anonFormatKey(m.b.type))}`));
        return { type: L.anonType(members.map((m) => ({ name: m.name, type: m.b.type }))), code: js`${rt("anon")}(${code} }, [${keys}])`, pos: e.pos, nonNull: true };
      }
      case "typeof":
        this.err(Codes.CSharpNotSupported, e.pos, "'typeof' is not supported in policy expressions yet.");
      // eslint-disable-next-line no-fallthrough
      case "default": {
        if (!e.type) this.err(Codes.CSharpTooNew, e.pos, "The 'default' literal needs C# 7.1; write 'default(T)'.");
        const t = this.resolveType(e.type);
        return { type: t, code: L.defaultValue(t), pos: e.pos, cv: L.defaultConst(t) };
      }
      case "throwExpr": {
        const ex = this.expr(e.expr);
        return { type: NULL, code: js`${rt("throwValue")}(${ex.code})`, pos: e.pos };
      }
      case "checked": {
        const saved = this.checkedCtx;
        this.checkedCtx = e.checked;
        try {
          return this.expr(e.expr);
        } finally {
          this.checkedCtx = saved;
        }
      }
    }
  }

  // ---- names and members -----------------------------------------------------------------------
  private name(e: Expr & { k: "name" }): BExpr {
    const local = e.typeArgs ? undefined : this.lookupLocal(e.name);
    if (local) return { type: local.type, code: local.code, pos: e.pos, local, cv: local.cv, pure: true };
    if (e.name === "context" && !e.typeArgs) return { type: named("IContext"), code: ident("ctx"), pos: e.pos, pure: true };
    const args = (e.typeArgs ?? []).map((t) => this.resolveType(t));
    const simple = PRIMITIVE_ALIASES[e.name] ?? e.name;
    const def = lookupType(simple, args.length);
    if (def) return { type: ERROR, code: js``, pos: e.pos, typeRef: { k: "named", def, args } };
    if (namespaces().has(e.name)) return { type: ERROR, code: js``, pos: e.pos, ns: e.name };
    if (FORBIDDEN[e.name]) this.err(Codes.CSharpForbiddenType, e.pos, `'${FORBIDDEN[e.name]}' is not available in policy expressions.`);
    if (e.name === "Microsoft" || e.name === "System") return { type: ERROR, code: js``, pos: e.pos, ns: e.name };
    this.checkAllowedType(e.name, e.pos);
    const candidates = [...allTypeNames(), "context", ...this.scopes.flatMap((s) => [...s.keys()])];
    this.err(Codes.CSharpUnknownName, e.pos, `The name '${e.name}' does not exist in the current context.${didYouMean(e.name, candidates)}`);
  }

  /** Members named `name` visible on `t` (own type first, then supertypes), with the owning instance type. */
  findMembers(t: Type, name: string, kinds: Member["kind"][]): { m: Member; owner: Type }[] {
    const out: { m: Member; owner: Type }[] = [];
    const seen: Type[] = [];
    const queue: Type[] = [t];
    let foundNonMethod = false;
    while (queue.length) {
      const x = queue.shift()!;
      if (seen.some((s) => sameType(s, x))) continue;
      seen.push(x);
      if (x.k === "named") {
        const ms = x.def.members.get(name);
        if (ms)
          for (const m of ms) {
            if (!kinds.includes(m.kind)) continue;
            const overloadable = m.kind === "method" || m.kind === "indexer" || m.kind === "ctor";
            if (!overloadable && (foundNonMethod || out.length)) continue;
            if (!overloadable) foundNonMethod = true;
            // a derived overload with the same signature hides the base one
            if (out.some((o) => o.m.sig === m.sig)) continue;
            out.push({ m, owner: x });
          }
      }
      queue.push(...supertypes(x));
    }
    return out;
  }

  private memberNames(t: Type): string[] {
    const names = new Set<string>();
    const queue: Type[] = [t];
    const seen: Type[] = [];
    while (queue.length) {
      const x = queue.shift()!;
      if (seen.some((s) => sameType(s, x))) continue;
      seen.push(x);
      if (x.k === "named") for (const k of x.def.members.keys()) names.add(k);
      queue.push(...supertypes(x));
    }
    return [...names];
  }

  private member(e: Expr & { k: "member" }): BExpr {
    const target = this.raw(e.target);
    if (target.ns !== undefined) {
      const full = `${target.ns}.${e.name}`;
      if (namespaces().has(full)) return { type: ERROR, code: js``, pos: e.pos, ns: full };
      const args = (e.typeArgs ?? []).map((t) => this.resolveType(t));
      const def = lookupFull(`${target.ns}.${PRIMITIVE_ALIASES[e.name] ?? e.name}`);
      const alt = def && def.typeParams.length === args.length ? def : lookupType(PRIMITIVE_ALIASES[e.name] ?? e.name, args.length);
      if (alt && (alt.ns === target.ns || alt === def)) return { type: ERROR, code: js``, pos: e.pos, typeRef: { k: "named", def: alt, args } };
      // System.IO.StringReader is allowed although System.IO is not
      if (allowedTypeNamed(full)?.type.replace(/<.*>$/, "") === full) this.checkAllowedType(full, e.pos);
      if (!FORBIDDEN[e.name] && this.isForbiddenNamespace(full)) return { type: ERROR, code: js``, pos: e.pos, ns: full };
      if (FORBIDDEN[e.name] || this.isForbiddenNamespace(full)) this.err(Codes.CSharpForbiddenType, e.pos, `'${full}' is not available in policy expressions.`);
      this.err(Codes.CSharpUnknownName, e.namePos, `The type or namespace name '${e.name}' does not exist in the namespace '${target.ns}'.`);
    }
    if (target.typeRef) return this.staticMember(target.typeRef, e.name, e.namePos, e.pos);
    let recv = this.value(target, e.target.pos);
    if (e.cond) recv = this.openCond(recv, e.pos);
    return this.instanceMember(recv, e.name, e.namePos, e.pos);
  }

  /** `a?.` : evaluates `a` into a temp and continues the chain on the temp. */
  private openCond(recv: BExpr, pos: number): BExpr {
    if (isValueType(recv.type) && !isNullable(recv.type))
      this.err(Codes.CSharpTypeMismatch, pos, `Operator '?' cannot be applied to operand of type '${typeName(recv.type)}'.`);
    const t = this.temp();
    const conds = [...(recv.conds ?? []), { t, recv: recv.code }];
    const type = underlyingNullable(recv.type);
    // a Nullable<T> receiver continues as T
    return { type, code: t, pos: recv.pos, conds, pure: true };
  }

  private staticMember(t: Type, name: string, namePos: number, pos: number): BExpr {
    const ms = this.findMembers(t, name, ["prop", "field"]);
    const m = ms.find((x) => x.m.isStatic);
    if (m) return this.propAccess(null, m.m, m.owner, pos);
    if (this.findMembers(t, name, ["method"]).some((x) => x.m.isStatic)) this.err(Codes.CSharpTypeMismatch, pos, `'${name}' is a method, which is not valid in the given context.`);
    if (ms.length) this.err(Codes.CSharpTypeMismatch, namePos, `An object reference is required for the non-static member '${typeName(t)}.${name}'.`);
    this.checkAllowList(t, name, namePos);
    this.err(Codes.CSharpUnknownMember, namePos, `'${typeName(t)}' does not contain a definition for '${name}'.${didYouMean(name, this.memberNames(t))}`);
  }

  private instanceMember(recv: BExpr, name: string, namePos: number, pos: number): BExpr {
    const t = recv.type;
    if (t.k === "null") this.err(Codes.CSharpTypeMismatch, pos, `Cannot access member '${name}' of the null literal.`);
    const ms = this.findMembers(t, name, ["prop", "field"]);
    const m = ms.find((x) => !x.m.isStatic);
    if (m) return { ...this.propAccess(recv, m.m, m.owner, pos), conds: recv.conds };
    if (ms.length) this.err(Codes.CSharpTypeMismatch, namePos, `Member '${typeName(t)}.${name}' cannot be accessed with an instance reference; qualify it with a type name instead.`);
    if (this.findMembers(t, name, ["method"]).length || this.extensionCandidates(name).length)
      this.err(Codes.CSharpTypeMismatch, pos, `'${name}' is a method, which is not valid in the given context (missing parentheses?).`);
    this.checkAllowList(t, name, namePos);
    this.err(Codes.CSharpUnknownMember, namePos, `'${typeName(t)}' does not contain a definition for '${name}'.${didYouMean(name, this.memberNames(t))}`);
  }

  private ownerMap(owner: Type): Map<string, Type> {
    const map = new Map<string, Type>();
    if (owner.k === "named") owner.def.typeParams.forEach((tp, i) => map.set(tp, owner.args[i] ?? ERROR));
    return map;
  }

  private info(recvType: Type | null, retType: Type, argTypes: Type[], typeArgs: Type[], written: number, consts: (ConstArg | undefined)[] = []): LowerInfo {
    return { typeArgs, argTypes, recvType, retType, temp: () => this.temp(), written, consts };
  }

  private propAccess(recv: BExpr | null, m: Member, owner: Type, pos: number): BExpr {
    const sig = signatureOf(m);
    const type = substitute(sig.ret, this.ownerMap(owner));
    const info = this.info(recv?.type ?? null, type, [], [], 0);
    const rc = recv && needsReceiverCheck(recv, m) ? js`${rt("recvNotNull")}(${recv.code})` : (recv?.code ?? js``);
    const code = m.lower(rc, [], info);
    if (type.k === "named" && type.def.name === "IMessageBody") this.readsBody = true;
    const b: BExpr = { type, code, pos };
    if (m.constant !== undefined) b.cv = { v: m.constant };
    if (m.set && recv) {
      const setter = m.set;
      b.assign = (value, temp) => {
        if (recv.pure) return setter(rc, [], value, info);
        const t = temp();
        return js`(${t} = ${rc}, ${setter(t, [], value, info)})`;
      };
    }
    return b;
  }

  private index(e: Expr & { k: "index" }): BExpr {
    let recv = this.value(this.raw(e.target), e.target.pos);
    if (e.cond) recv = this.openCond(recv, e.pos);
    const t = recv.type;
    if (t.k === "array") {
      if (e.args.length !== 1) this.err(Codes.CSharpBadArguments, e.pos, "Wrong number of indices inside []; expected 1.");
      const idx = this.convert(this.expr(e.args[0]!.expr), named("int"), e.args[0]!.pos);
      const rc = recv.code;
      // s.Split(c)[0]: the text before the first c, without the array.
      const read = rc.shape?.kind === "splitOn" && idx.cv?.v === 0 ? js`${rt("strSplitFirst")}(${rc.shape.of}, ${rc.shape.sep})` : js`${rt("arrItem")}(${rc}, ${idx.code})`;
      const b: BExpr = { type: t.elem, code: read, pos: e.pos, conds: recv.conds };
      b.assign = (value, temp) => {
        if (recv.pure && idx.pure) return js`${rt("arrSet")}(${rc}, ${idx.code}, ${value})`;
        const ta = temp();
        const ti = temp();
        return js`(${ta} = ${rc}, ${ti} = ${idx.code}, ${rt("arrSet")}(${ta}, ${ti}, ${value}))`;
      };
      return b;
    }
    const cands = this.findMembers(t, "this[]", ["indexer"]);
    if (!cands.length) this.checkAllowList(t, "this[]", e.pos);
    if (!cands.length) this.err(Codes.CSharpUnknownMember, e.pos, `Cannot apply indexing with [] to an expression of type '${typeName(t)}'.`);
    const r = this.resolveInvocation(cands, recv, e.args, undefined, e.pos, "this[]", false);
    return { ...r, conds: recv.conds };
  }

  private extensionCandidates(name: string): { m: Member; owner: Type }[] {
    const out: { m: Member; owner: Type }[] = [];
    for (const d of extensionClasses) for (const m of d.extensions!.get(name) ?? []) out.push({ m, owner: { k: "named", def: d, args: [] } });
    return out;
  }

  private call(e: Expr & { k: "call" }): BExpr {
    const target = e.target;
    if (target.k === "member") {
      const recvRaw = this.raw(target.target);
      const typeArgs = target.typeArgs?.map((t) => this.resolveType(t));
      if (recvRaw.ns !== undefined) {
        // a namespace-qualified type followed by a call: Newtonsoft.Json.JsonConvert.SerializeObject(...) is handled by member(); here the callee is `ns.Name(...)`
        this.member(target); // reports the right error
      }
      if (recvRaw.typeRef) {
        const cands = this.findMembers(recvRaw.typeRef, target.name, ["method"]).filter((c) => c.m.isStatic);
        // an extension method called as the static method it is: Enumerable.Count(xs)
        const typeRef = recvRaw.typeRef;
        if (typeRef.k === "named") for (const m of typeRef.def.extensions?.get(target.name) ?? []) cands.push({ m, owner: typeRef });
        if (!cands.length) {
          if (this.findMembers(recvRaw.typeRef, target.name, ["method"]).length)
            this.err(Codes.CSharpTypeMismatch, target.namePos, `An object reference is required for the non-static method '${typeName(recvRaw.typeRef)}.${target.name}'.`);
          this.checkAllowList(recvRaw.typeRef, target.name, target.namePos);
          this.err(
            Codes.CSharpUnknownMember,
            target.namePos,
            `'${typeName(recvRaw.typeRef)}' does not contain a definition for '${target.name}'.${didYouMean(target.name, this.memberNames(recvRaw.typeRef))}`,
          );
        }
        return this.resolveInvocation(cands, null, e.args, typeArgs, target.namePos, target.name, false);
      }
      let recv = this.value(recvRaw, target.target.pos);
      if (target.cond) recv = this.openCond(recv, target.pos);
      if (recv.type.k === "null") this.err(Codes.CSharpTypeMismatch, target.pos, `Cannot call '${target.name}' on the null literal.`);
      if (target.name === "ToString" && e.args.length === 0 && L.isEnum(recv.type)) {
        return { type: named("string"), code: L.enumToString(this, recv), pos: e.pos, conds: recv.conds };
      }
      const inst = this.findMembers(recv.type, target.name, ["method"]).filter((c) => !c.m.isStatic);
      const ext = this.extensionCandidates(target.name);
      if (!inst.length && !ext.length) {
        const props = this.findMembers(recv.type, target.name, ["prop", "field"]);
        if (props.length) this.err(Codes.CSharpTypeMismatch, target.namePos, `Non-invocable member '${typeName(recv.type)}.${target.name}' cannot be used like a method.`);
        if (recv.type.k === "named" && recv.type.def.name === "IRequest" && target.name === "MatchedParameters")
          this.err(Codes.CSharpTypeMismatch, target.namePos, "'MatchedParameters' is a dictionary: index it with [\"name\"] or call GetValueOrDefault(\"name\").");
        this.checkAllowList(recv.type, target.name, target.namePos);
        const ext = allowedExtension(target.name);
        if (ext && (elementType(recv.type) || /^(JToken|JObject|JArray|JContainer|JProperty|JValue)$/.test(typeName(recv.type))))
          this.err(Codes.CSharpNotSupported, target.namePos, `'${memberTitle(ext, target.name)}' is allowed in APIM policy expressions but apimc does not support it yet.`);
        this.err(
          Codes.CSharpUnknownMember,
          target.namePos,
          `'${typeName(recv.type)}' does not contain a definition for '${target.name}'.${didYouMean(target.name, this.memberNames(recv.type))}`,
        );
      }
      let r: BExpr | null = null;
      if (inst.length) {
        try {
          r = this.resolveInvocation(inst, recv, e.args, typeArgs, target.namePos, target.name, false);
        } catch (err) {
          if (!(err instanceof BindError) || !ext.length || err.code !== Codes.CSharpBadArguments) throw err;
        }
      }
      if (!r) r = this.resolveInvocation(ext, recv, e.args, typeArgs, target.namePos, target.name, true);
      return { ...r, conds: recv.conds };
    }
    if (target.k === "name") {
      const local = this.lookupLocal(target.name);
      if (local?.fn) {
        const fn = local.fn;
        if (e.args.length !== fn.params.length) this.err(Codes.CSharpBadArguments, e.pos, `No overload for method '${target.name}' takes ${e.args.length} arguments.`);
        const codes = e.args.map((a, i) => {
          if (a.kind !== "val") this.err(Codes.CSharpBadArguments, a.pos, "ref/out arguments to local functions are not supported.");
          const raw = this.raw(a.expr);
          return (raw.lambda ? this.convert(raw, fn.params[i]!, a.pos) : this.convert(this.value(this.close(raw), a.pos), fn.params[i]!, a.pos)).code;
        });
        return { type: fn.ret, code: js`${local.code}(${joinCodes(codes)})`, pos: e.pos };
      }
      if (local && local.type.k === "named" && local.type.def.name === "Func") {
        const args = e.args.map((a) => this.expr(a.expr));
        const fn = local.type;
        const n = fn.args.length - 1;
        if (args.length !== n) this.err(Codes.CSharpBadArguments, e.pos, `Delegate '${typeName(fn)}' does not take ${args.length} arguments.`);
        const codes = args.map((a, i) => this.convert(a, fn.args[i]!, e.args[i]!.pos).code);
        return { type: fn.args[n]!, code: js`${local.code}(${joinCodes(codes)})`, pos: e.pos };
      }
      if (local) this.err(Codes.CSharpTypeMismatch, target.pos, `'${target.name}' is a variable but is used like a method.`);
      this.err(Codes.CSharpUnknownName, target.pos, `The name '${target.name}' does not exist in the current context.`);
    }
    const callee = this.expr(target);
    this.err(Codes.CSharpTypeMismatch, e.pos, `An expression of type '${typeName(callee.type)}' cannot be invoked.`);
  }

  // ---- overload resolution -------------------------------------------------------------------------
  resolveInvocation(
    cands: { m: Member; owner: Type }[],
    recv: BExpr | null,
    args: Arg[],
    explicitTypeArgs: Type[] | undefined,
    pos: number,
    name: string,
    ext: boolean,
  ): BExpr {
    // pre-bind arguments
    const pre: PreArg[] = args.map((a) => {
      if (a.kind === "out" && a.outDecl) {
        const t = a.outDecl.type ? this.resolveType(a.outDecl.type) : null;
        return { arg: a, outDecl: { type: t, name: a.outDecl.name, pos: a.outDecl.pos } };
      }
      if (a.kind !== "val") {
        if (a.expr.k === "name" && a.expr.name === "_") return { arg: a, discard: true };
        const b = this.expr(a.expr);
        if (!b.local || b.local.readonly) this.err(Codes.CSharpTypeMismatch, a.pos, `A ${a.kind} argument must be an assignable variable.`);
        return { arg: a, b };
      }
      let b: BExpr;
      try {
        b = this.raw(a.expr);
      } catch (err) {
        // a method group (`Select(int.Parse)`): bound later as a lambda of the delegate's arity
        if (err instanceof BindError && a.expr.k === "member" && /is a method/.test(err.message)) return { arg: a, group: a.expr, groupErr: err };
        throw err;
      }
      if (b.lambda) return { arg: a, lambda: b.lambda };
      return { arg: a, b: this.value(this.close(b), a.expr.pos) };
    });
    const all: Pre[] = [];
    if (ext && recv) all.push({ arg: { pos: recv.pos, kind: "val", expr: { k: "lit", pos: recv.pos, end: recv.pos, type: "null", value: null } }, b: recv });
    all.push(...pre);
    let best: Applied | null = null;
    let ambiguous = false;
    for (const c of cands) {
      const ap = this.tryApply(c.m, c.owner, all, explicitTypeArgs, ext);
      if (!ap) continue;
      if (!best || ap.cost < best.cost) {
        best = ap;
        ambiguous = false;
      } else if (ap.cost === best.cost) ambiguous = true;
    }
    void ambiguous; // ties go to the first declared overload (the surface lists the preferred one first)
    if (!best) {
      const group = pre.find((p) => p.group);
      if (group) throw group.groupErr!;
      const argDesc = pre.map((p) => (p.lambda ? "lambda" : p.outDecl ? `out ${p.outDecl.type ? typeName(p.outDecl.type) : "var"}` : p.discard ? "out _" : typeName(p.b!.type))).join(", ");
      const what = name === "this[]" ? `indexer of '${recv ? typeName(recv.type) : "?"}'` : name === ".ctor" ? `constructor of '${typeName(cands[0]!.owner)}'` : `'${name}'`;
      const sigs = cands.map((c) => c.m.sig).slice(0, 4);
      this.err(Codes.CSharpBadArguments, pos, `No overload of ${what} takes arguments (${argDesc}). Candidates: ${sigs.join("; ")}.`);
    }
    return this.emitCall(best, recv, pos, ext, all);
  }

  private tryApply(m: Member, owner: Type, args: Pre[], explicitTypeArgs: Type[] | undefined, ext: boolean): Applied | null {
    const sig = signatureOf(m);
    if (ext && !(sig.params[0]?.mod === "this")) return null;
    const params = sig.params;
    const map = this.ownerMap(owner);
    if (explicitTypeArgs) {
      if (explicitTypeArgs.length !== sig.typeParams.length) return null;
      sig.typeParams.forEach((tp, i) => map.set(tp, explicitTypeArgs[i]!));
    } else if (sig.typeParams.length === 0 && false) return null;
    // map args to params (positional, then named)
    const slots: (Pre | Pre[] | null)[] = params.map(() => null);
    let expanded = false;
    const last = params[params.length - 1];
    const hasParams = last?.mod === "params";
    let pi = 0;
    for (const a of args) {
      if (a.arg.name) {
        const idx = params.findIndex((p) => p.name === a.arg.name);
        if (idx < 0 || slots[idx]) return null;
        slots[idx] = a;
        continue;
      }
      if (pi < params.length - (hasParams ? 1 : 0)) slots[pi++] = a;
      else if (hasParams) {
        if (pi === params.length - 1 && !expanded && slots[pi] === null) {
          slots[pi] = [a];
          expanded = true;
        } else if (expanded) (slots[params.length - 1] as Pre[]).push(a);
        else return null;
      } else return null;
    }
    if (hasParams && slots[params.length - 1] === null) {
      slots[params.length - 1] = [];
      expanded = true;
    }
    // normal form for params: a single argument convertible to the array type
    const paramsSlot = hasParams ? (slots[params.length - 1] as Pre[]) : null;
    let normalForm = false;
    if (paramsSlot && paramsSlot.length === 1 && paramsSlot[0]!.b) {
      const at = substitute(last!.type, map);
      if (!hasTypeParams(at) && this.implicitCost(paramsSlot[0]!.b!, at) >= 0) normalForm = true;
    }
    for (let i = 0; i < params.length; i++) if (slots[i] === null && !params[i]!.def) return null;
    // type inference
    const mtps = sig.typeParams.filter((tp) => !map.has(tp));
    const inferred = new Map<string, Type>();
    const unify = (p: Type, a: Type) => this.unify(p, a, mtps, inferred);
    const eachArg = (f: (p: Type, a: Pre, i: number) => void) => {
      params.forEach((p, i) => {
        const s = slots[i];
        if (s === null) return;
        if (Array.isArray(s)) {
          if (normalForm) f(p.type, s[0]!, i);
          else for (const x of s) f(p.type.k === "array" ? p.type.elem : p.type, x, i);
        } else f(p.type, s, i);
      });
    };
    eachArg((p, a) => {
      if (a.b) unify(substitute(p, map), a.b.type);
      else if (a.outDecl?.type) unify(substitute(p, map), a.outDecl.type);
    });
    const lambdaResults = new Map<Pre, LambdaResult>();
    for (let round = 0; round < 3; round++) {
      eachArg((p, a) => {
        if ((!a.lambda && !a.group) || lambdaResults.has(a)) return;
        const pt = substitute(substitute(p, map), inferred);
        if (pt.k !== "named" || (pt.def.name !== "Func" && pt.def.name !== "Action")) return;
        const isFunc = pt.def.name === "Func";
        const ins = isFunc ? pt.args.slice(0, -1) : pt.args;
        if (ins.some(hasTypeParams)) return;
        const lam = a.lambda ?? groupLambda(a, ins.length);
        if (ins.length !== lam.params.length) return;
        const lr = this.bindLambda(lam, ins);
        if (!lr) return;
        lambdaResults.set(a, lr);
        if (isFunc) unify(pt.args[pt.args.length - 1]!, lr.ret);
      });
    }
    for (const tp of mtps) if (!inferred.has(tp)) return null;
    for (const [k, v] of inferred) map.set(k, v);
    // applicability and cost
    let cost = expanded && !normalForm ? 1 : 0;
    let ok = true;
    const conv: { pre: Pre; to: Type }[] = [];
    eachArg((p0, a, i) => {
      if (!ok) return;
      const p = substitute(p0, map);
      const param = params[i]!;
      const argKind = a.arg.kind;
      const pmod = param.mod === "out" || param.mod === "ref" ? param.mod : "val";
      if (argKind !== pmod) {
        ok = false;
        return;
      }
      if (a.lambda || a.group) {
        const lr = lambdaResults.get(a);
        if (!lr || p.k !== "named") {
          ok = false;
          return;
        }
        if (p.def.name === "Func") {
          const rt0 = p.args[p.args.length - 1]!;
          const c = this.implicitCost({ type: lr.ret, code: js``, pos: 0, cv: lr.cv }, rt0);
          if (c < 0 && lr.ret.k !== "error") ok = false;
          else cost += c;
        }
        return;
      }
      if (a.outDecl) {
        if (a.outDecl.type && !sameType(a.outDecl.type, p)) ok = false;
        return;
      }
      if (a.discard) return;
      if (argKind !== "val") {
        if (!sameType(a.b!.type, p)) ok = false;
        return;
      }
      const c = this.implicitCost(a.b!, p);
      if (c < 0) ok = false;
      else {
        cost += c;
        conv.push({ pre: a, to: p });
      }
    });
    if (!ok) return null;
    return { m, owner, sig, map, slots, expanded: expanded && !normalForm, cost, lambdaResults, params };
  }

  private unify(p: Type, a: Type, tps: string[], inferred: Map<string, Type>): void {
    if (p.k === "tp") {
      if (!tps.includes(p.name)) return;
      if (a.k === "null" || a.k === "error" || a.k === "lambda") return;
      if (!inferred.has(p.name)) inferred.set(p.name, a);
      return;
    }
    if (p.k === "array") {
      if (a.k === "array") this.unify(p.elem, a.elem, tps, inferred);
      else {
        const e = elementType(a);
        if (e) this.unify(p.elem, e, tps, inferred);
      }
      return;
    }
    if (p.k === "named" && p.args.length) {
      if (a.k === "null" || a.k === "error") return;
      const inst = findInstance(a, p.def);
      if (inst && inst.k === "named") p.args.forEach((x, i) => this.unify(x, inst.args[i]!, tps, inferred));
    }
  }

  /** Binds a lambda with the given parameter types; returns null when its body does not bind. */
  bindLambda(e: Expr & { k: "lambda" }, ins: Type[]): LambdaResult | null {
    e.params.forEach((p, i) => {
      if (p.type) {
        const t = this.resolveType(p.type);
        if (!sameType(t, ins[i]!)) throw new BindError(Codes.CSharpBadArguments, p.pos, `Lambda parameter '${p.name}' has type '${typeName(t)}', expected '${typeName(ins[i]!)}'.`);
      }
    });
    const key = ins.map(typeName).join(",");
    const cache = ((e as { $cache?: Map<string, LambdaResult | BindError> }).$cache ??= new Map());
    const hit = cache.get(key);
    if (hit instanceof BindError) return null;
    if (hit) return hit;
    const savedScopes = this.scopes;
    const savedLoop = this.loopDepth;
    const savedSwitch = this.switchDepth;
    this.scopes = [...this.scopes, new Map()];
    this.loopDepth = 0;
    this.switchDepth = 0;
    this.pushFrame();
    let pushedReturn = false;
    try {
      const locals = e.params.map((p, i) => this.declareLocal(p.name, ins[i]!, p.pos));
      const paramList = joinCodes(locals.map((l) => l.code));
      let res: LambdaResult;
      if ((e.body as Stmt).k === "block") {
        this.returnTypes.push(null);
        this.returnSeen.push([]);
        pushedReturn = true;
        const body = this.block((e.body as Stmt & { k: "block" }).stmts, false);
        const seen = this.returnSeen[this.returnSeen.length - 1]!;
        const ret = seen.length ? L.commonType(this, seen, e.pos) : VOID;
        res = { code: js`((${paramList}) => { ${L.tempDecl(this.frameTemps)}${body}})`, ret };
      } else {
        const b = this.expr(e.body as Expr);
        const temps = this.frameTemps;
        const code = temps.length ? js`((${paramList}) => { ${L.tempDecl(temps)}return ${b.code}; })` : js`((${paramList}) => ${b.code})`;
        res = { code, ret: b.type, cv: b.cv };
      }
      cache.set(key, res);
      return res;
    } catch (err) {
      if (err instanceof BindError) {
        cache.set(key, err);
        (e as { $lastError?: BindError }).$lastError = err;
        return null;
      }
      throw err;
    } finally {
      if (pushedReturn) {
        this.returnTypes.pop();
        this.returnSeen.pop();
      }
      this.popFrame();
      this.scopes = savedScopes;
      this.loopDepth = savedLoop;
      this.switchDepth = savedSwitch;
    }
  }

  private emitCall(ap: Applied, recv: BExpr | null, pos: number, ext: boolean, args: Pre[]): BExpr {
    void args;
    const { m, sig, map, slots, params } = ap;
    const codes: Code[] = [];
    const argTypes: Type[] = [];
    const convArg = (a: Pre, to: Type): Code => {
      if (a.lambda || a.group) {
        const lr = ap.lambdaResults.get(a)!;
        return lr.code;
      }
      if (a.outDecl) {
        const l = this.declareLocal(a.outDecl.name, a.outDecl.type ?? to, a.outDecl.pos);
        this.frameTemps.push(l.code);
        return l.code;
      }
      if (a.discard) return this.temp();
      if (a.arg.kind !== "val") return a.b!.local!.code;
      if (m.formatArgs && isNamed(to, "object")) {
        const c = this.convert(a.b!, to, a.arg.pos);
        lastCv = c.cv;
        return a.b!.type.k === "null" ? c.code : L.formatArg(this, a.b!);
      }
      const c = this.convert(a.b!, to, a.arg.pos);
      lastCv = c.cv;
      return c.code;
    };
    // The constant value of the argument convArg converted last, taken once (undefined when not constant).
    let lastCv: { v: string | number | boolean | null } | undefined;
    const takeCv = (): { v: string | number | boolean | null } | undefined => {
      const cv = lastCv;
      lastCv = undefined;
      return cv;
    };
    const consts: (ConstArg | undefined)[] = [];
    let written = 0;
    params.forEach((p, i) => {
      const s = slots[i];
      const pt = substitute(p.type, map);
      if (s === null) {
        codes.push(p.def!);
        argTypes.push(pt);
        consts.push(p.defConst);
        return;
      }
      if (Array.isArray(s)) {
        written += s.length;
        if (ap.expanded) {
          const et = pt.k === "array" ? pt.elem : pt;
          const itemConsts: (string | number | boolean | null)[] = [];
          const items = s.map((x) => {
            const c = convArg(x, et);
            const cv = takeCv();
            if (cv) itemConsts.push(cv.v);
            return c;
          });
          codes.push(isNamed(et, "byte") ? js`Uint8Array.of(${joinCodes(items)})` : js`[${joinCodes(items)}]`);
          consts.push(itemConsts.length === items.length ? itemConsts : undefined);
        } else {
          codes.push(convArg(s[0]!, pt));
          takeCv();
          consts.push(undefined);
        }
        argTypes.push(pt);
        return;
      }
      written++;
      codes.push(convArg(s, pt));
      consts.push(takeCv()?.v);
      argTypes.push(s.b?.type ?? pt);
    });
    const ret = substitute(sig.ret, map);
    const typeArgs = sig.typeParams.map((tp) => map.get(tp) ?? ERROR);
    let recvCode = ext ? js`` : (recv?.code ?? js``);
    // A receiver that must be checked for null is checked after the arguments are evaluated, as .NET does.
    let prelude: Code | null = null;
    if (!ext && recv && needsReceiverCheck(recv, m)) {
      if (m.set || codes.every(isInert)) recvCode = js`${rt("recvNotNull")}(${recv.code})`;
      else {
        const t = this.temp();
        prelude = js`${t} = ${recv.code}, `;
        codes.forEach((c, i) => {
          if (isInert(c)) return;
          const a = this.temp();
          prelude = js`${prelude}${a} = ${c}, `;
          codes[i] = a;
        });
        prelude = js`${prelude}${rt("recvNotNull")}(${t}), `;
        recvCode = t;
      }
    }
    const info = this.info(recv?.type ?? null, ret, argTypes, typeArgs, written, consts);
    let code = m.lower(recvCode, codes, info);
    if (prelude) code = js`(${prelude}${code})`;
    if (m.kind === "indexer" && m.set && recv) {
      const setter = m.set;
      const idx = codes;
      const b: BExpr = { type: ret, code, pos };
      b.assign = (value, temp) => {
        if (recv.pure) return setter(recvCode, idx, value, info);
        const t = temp();
        return js`(${t} = ${recvCode}, ${setter(t, idx, value, info)})`;
      };
      return b;
    }
    if (m.constant !== undefined) return { type: ret, code, pos, cv: { v: m.constant } };
    if (ret.k === "void") code = js`${code}`;
    return { type: ret, code, pos };
  }

  // ---- conversions ---------------------------------------------------------------------------------
  /** Cost of the implicit conversion from `b` to `to` (0 identity), or -1 when there is none. */
  implicitCost(b: BExpr, to: Type): number {
    return L.implicitCost(this, b, to);
  }

  /** Applies an implicit conversion or reports APIMC3006. */
  convert(b: BExpr, to: Type, pos: number): BExpr {
    if (b.lambda) {
      if (to.k === "named" && (to.def.name === "Func" || to.def.name === "Action")) {
        const ins = to.def.name === "Func" ? to.args.slice(0, -1) : to.args;
        const lr = this.bindLambda(b.lambda, ins);
        if (!lr) throw (b.lambda as { $lastError?: BindError }).$lastError ?? new BindError(Codes.CSharpTypeMismatch, pos, "Cannot convert lambda expression.");
        return { type: to, code: lr.code, pos };
      }
      this.err(Codes.CSharpTypeMismatch, pos, `Cannot convert lambda expression to type '${typeName(to)}' because it is not a delegate type.`);
    }
    const r = L.convertImplicit(this, b, to);
    if (r) return r;
    const explicit = L.explicitExists(this, b.type, to);
    this.err(
      Codes.CSharpTypeMismatch,
      pos,
      `Cannot implicitly convert type '${typeName(b.type)}' to '${typeName(to)}'.${explicit ? " An explicit conversion exists (are you missing a cast?)" : ""}`,
    );
  }

  // ---- object creation -----------------------------------------------------------------------------
  private newObject(e: Expr & { k: "new" }): BExpr {
    const t = this.resolveType(e.type);
    if (t.k !== "named") this.err(Codes.CSharpTypeMismatch, e.pos, "Cannot create an instance of this type.");
    const ctors = t.def.members.get(".ctor") ?? [];
    if (!ctors.length) this.checkAllowList(t, ".ctor", e.type.pos);
    if (!ctors.length) this.err(Codes.CSharpNotSupported, e.type.pos, `Cannot create an instance of '${typeName(t)}' in policy expressions (no constructor available).`);
    const cands = ctors.map((m) => ({ m, owner: t }));
    let obj = this.resolveInvocation(cands, null, e.args ?? [], undefined, e.type.pos, ".ctor", false);
    obj = { type: t, code: obj.code, pos: e.pos, nonNull: true };
    if (!e.init) return obj;
    return { ...L.initializer(this, obj, e.init, e.pos), nonNull: true };
  }

  /** Binds `recv.Add(args)` for collection initializers. */
  bindAdd(recvType: Type, recvCode: Code, args: Expr[], pos: number): Code {
    const fake: BExpr = { type: recvType, code: recvCode, pos, pure: true, nonNull: true };
    const inst = this.findMembers(recvType, "Add", ["method"]).filter((c) => !c.m.isStatic);
    if (!inst.length) this.err(Codes.CSharpUnknownMember, pos, `'${typeName(recvType)}' does not contain a definition for 'Add' (needed by the collection initializer).`);
    const argList: Arg[] = args.map((a) => ({ pos: a.pos, kind: "val", expr: a }));
    return this.resolveInvocation(inst, fake, argList, undefined, pos, "Add", false).code;
  }

  /** Binds `recv[index] = value` for object initializers. */
  bindIndexSet(recvType: Type, recvCode: Code, index: Arg[], value: Expr, pos: number): Code {
    const fake: BExpr = { type: recvType, code: recvCode, pos, pure: true, nonNull: true };
    const cands = this.findMembers(recvType, "this[]", ["indexer"]);
    if (!cands.length) this.err(Codes.CSharpUnknownMember, pos, `Cannot apply indexing with [] to an expression of type '${typeName(recvType)}'.`);
    const target = this.resolveInvocation(cands, fake, index, undefined, pos, "this[]", false);
    if (!target.assign) this.err(Codes.CSharpTypeMismatch, pos, "The indexer is read only.");
    const v = this.convert(this.expr(value), target.type, value.pos);
    return target.assign(v.code, () => this.temp());
  }

  bindMemberSet(recvType: Type, recvCode: Code, name: string, value: Expr, pos: number): Code {
    const fake: BExpr = { type: recvType, code: recvCode, pos, pure: true, nonNull: true };
    const target = this.instanceMember(fake, name, pos, pos);
    if (!target.assign) this.err(Codes.CSharpTypeMismatch, pos, `Property '${name}' cannot be assigned to; it is read only.`);
    const v = this.convert(this.expr(value), target.type, value.pos);
    return target.assign(v.code, () => this.temp());
  }

  private newArray(e: Expr & { k: "newArray" }): BExpr {
    let elem: Type;
    const items = e.init?.map((x) => this.expr(x));
    if (e.elem) elem = this.resolveType(e.elem);
    else {
      if (!items || !items.length) this.err(Codes.CSharpTypeMismatch, e.pos, "No best type found for implicitly-typed array.");
      elem = L.commonType(this, items.map((i) => i.type), e.pos);
    }
    const t = arrayOf(elem);
    if (e.sizes.length) {
      const size = this.convert(this.expr(e.sizes[0]!), named("int"), e.sizes[0]!.pos);
      if (items) {
        if (size.cv === undefined || size.cv.v !== items.length) this.err(Codes.CSharpTypeMismatch, e.pos, "An array initializer of the given length is expected.");
      } else return { type: t, code: js`${rt("newArray")}(${size.code}, ${L.defaultValue(elem)}, ${isNamed(elem, "byte")})`, pos: e.pos };
    }
    const codes = items!.map((b, i) => this.convert(b, elem, e.init![i]!.pos).code);
    if (isNamed(elem, "byte")) return { type: t, code: js`Uint8Array.of(${joinCodes(codes)})`, pos: e.pos };
    return { type: t, code: js`[${joinCodes(codes)}]`, pos: e.pos };
  }

  // ---- interpolated strings ----------------------------------------------------------------------
  private interp(parts: InterpPart[], pos: number): BExpr {
    const pieces: Code[] = [];
    let allConst = true;
    let constText = "";
    for (const p of parts) {
      if (typeof p === "string") {
        pieces.push(literal(p));
        constText += p;
        continue;
      }
      const b = this.expr(p.expr);
      let align: BExpr | undefined;
      if (p.align) {
        align = this.convert(this.expr(p.align), named("int"), p.align.pos);
        if (align.cv === undefined) this.err(Codes.CSharpTypeMismatch, p.align.pos, "The alignment of an interpolation must be a constant.");
      }
      if (b.cv !== undefined && !p.format && !align && (typeof b.cv.v === "string" || b.cv.v === null)) {
        pieces.push(literal(b.cv.v ?? ""));
        constText += b.cv.v ?? "";
        continue;
      }
      allConst = false;
      let s = p.format !== undefined ? L.formatted(this, b, p.format) : L.stringOf(this, b);
      if (align) s = js`${rt("align")}(${s}, ${align.cv!.v as number})`;
      pieces.push(s);
    }
    if (allConst) return { type: named("string"), code: literal(constText), pos, cv: { v: constText } };
    if (pieces.length === 0) return { type: named("string"), code: js`""`, pos, cv: { v: "" } };
    let code = pieces[0]!;
    if (pieces.length === 1) code = js`("" + ${code})`;
    else for (let i = 1; i < pieces.length; i++) code = js`${code} + ${pieces[i]!}`;
    return { type: named("string"), code: js`(${code})`, pos };
  }

  // ---- statements ----------------------------------------------------------------------------------
  /** Binds a list of statements in a new scope; returns the JS statements. */
  block(stmts: Stmt[], newScope = true): Code {
    if (newScope) this.pushScope();
    // local functions are in scope in the whole block (callable before their declaration)
    for (const st of stmts) {
      if (st.k !== "localFunc") continue;
      const params = st.params.map((p) => this.resolveType(p.type));
      const ret = st.ret ? this.resolveType(st.ret) : VOID;
      const l = this.declareLocal(st.name, ret, st.namePos);
      l.fn = { params, ret };
      l.readonly = true;
    }
    let out = js``;
    for (const s of stmts) out = js`${out}${this.stmt(s)}`;
    if (newScope) this.popScope();
    return out;
  }

  setReturnType(t: Type | null | ReturnConverter): void {
    this.returnTypes.push(t);
    this.returnSeen.push([]);
  }

  stmt(s: Stmt): Code {
    switch (s.k) {
      case "block": {
        if (s.checked === undefined) return js`{ ${this.block(s.stmts)} } `;
        const saved = this.checkedCtx;
        this.checkedCtx = s.checked;
        try {
          return js`{ ${this.block(s.stmts)} } `;
        } finally {
          this.checkedCtx = saved;
        }
      }
      case "empty":
        return js``;
      case "localFunc":
        return this.localFunction(s);
      case "using": {
        // using (var x = ...) body → try { body } finally { x?.Dispose() }
        this.pushScope();
        let head = js``;
        const disposables: Code[] = [];
        if (s.decl) {
          head = L.localDecl(this, s.decl);
          for (const d of s.decl.decls) {
            const l = this.lookupLocal(d.name)!;
            l.readonly = true;
            disposables.push(l.code);
          }
        } else if (s.expr) {
          const t = this.temp();
          head = js`${t} = ${this.expr(s.expr).code}; `;
          disposables.push(t);
        }
        const body = this.embedded(s.body);
        this.popScope();
        let fin = js``;
        for (const d of disposables.reverse()) fin = js`${fin}${rt("dispose")}(${d}); `;
        return js`{ ${head}try ${body} finally { ${fin}} } `;
      }
      case "expr": {
        const e = s.expr;
        if (!["call", "assign", "postfix", "new"].includes(e.k) && !(e.k === "unary" && (e.op === "++" || e.op === "--")))
          this.err(Codes.CSharpSyntax, s.pos, "Only assignment, call, increment, decrement, and new object expressions can be used as a statement.");
        const b = this.expr(e);
        return js`${b.code}; `;
      }
      case "local":
        return L.localDecl(this, s);
      case "if": {
        const test = this.convert(this.expr(s.test), named("bool"), s.test.pos);
        const then = this.embedded(s.then);
        const els = s.else ? js` else ${this.embedded(s.else)}` : js``;
        return js`if (${test.code}) ${then}${els} `;
      }
      case "while": {
        const test = this.convert(this.expr(s.test), named("bool"), s.test.pos);
        this.loopDepth++;
        const body = this.embedded(s.body);
        this.loopDepth--;
        return js`while (${test.code}) ${L.loopBody(body)} `;
      }
      case "do": {
        this.loopDepth++;
        const body = this.embedded(s.body);
        this.loopDepth--;
        const test = this.convert(this.expr(s.test), named("bool"), s.test.pos);
        return js`do ${L.loopBody(body)} while (${test.code}); `;
      }
      case "for": {
        this.pushScope();
        // C#: the for-loop variable is ONE variable shared by all iterations (closures see its last
        // value), unlike JS `for (let ...)`, so it is declared before the loop.
        const decl = s.init?.k === "local" ? L.localDecl(this, s.init) : null;
        const init = s.init && !decl ? js`${this.forInitExprs(s.init)}` : js``;
        const test = s.test ? this.convert(this.expr(s.test), named("bool"), s.test.pos).code : js``;
        const upd = joinCodes(s.update.map((u) => this.expr(u).code));
        this.loopDepth++;
        const body = this.embedded(s.body);
        this.loopDepth--;
        this.popScope();
        if (decl) return js`{ ${decl}for (; ${test}; ${upd}) ${L.loopBody(body)} } `;
        return js`for (${init}; ${test}; ${upd}) ${L.loopBody(body)} `;
      }
      case "foreach":
        return L.foreachStmt(this, s);
      case "switch":
        return L.switchStmt(this, s);
      case "try":
        return L.tryStmt(this, s);
      case "throw": {
        if (!s.expr) {
          if (!this.catchVar) this.err(Codes.CSharpSyntax, s.pos, "A throw statement with no arguments is not allowed outside of a catch clause.");
          return js`throw ${this.catchVar}; `;
        }
        const ex = this.expr(s.expr);
        if (!L.isExceptionType(ex.type) && ex.type.k !== "null")
          this.err(Codes.CSharpTypeMismatch, s.expr.pos, `The type caught or thrown must be derived from System.Exception ('${typeName(ex.type)}').`);
        return js`throw ${rt("throwable")}(${ex.code}); `;
      }
      case "return": {
        const want = this.returnTypes[this.returnTypes.length - 1];
        if (!s.expr) {
          if (want) this.err(Codes.CSharpMissingReturn, s.pos, "An object of a type convertible to the expected type is required after 'return'.");
          return js`return; `;
        }
        const b = this.expr(s.expr);
        this.returnSeen[this.returnSeen.length - 1]?.push(b.type);
        if (want === undefined) this.err(Codes.CSharpSyntax, s.pos, "'return' is not valid here.");
        const code = typeof want === "function" ? want(b, s.expr.pos).code : want ? this.convert(b, want, s.expr.pos).code : b.code;
        return js`return ${code}; `;
      }
      case "break":
        if (this.loopDepth === 0 && this.switchDepth === 0) this.err(Codes.CSharpSyntax, s.pos, "No enclosing loop out of which to break.");
        return js`break; `;
      case "continue":
        if (this.loopDepth === 0) this.err(Codes.CSharpSyntax, s.pos, "No enclosing loop out of which to continue.");
        return js`continue; `;
    }
  }

  private localFunction(s: Stmt & { k: "localFunc" }): Code {
    const l = this.lookupLocal(s.name)!;
    const fn = l.fn!;
    const savedScopes = this.scopes;
    const savedLoop = this.loopDepth;
    const savedSwitch = this.switchDepth;
    const savedCatch = this.catchVar;
    this.scopes = [...this.scopes, new Map()];
    this.loopDepth = 0;
    this.switchDepth = 0;
    this.catchVar = null;
    this.pushFrame();
    this.setReturnType(fn.ret.k === "void" ? null : fn.ret);
    try {
      const params = s.params.map((p, i) => this.declareLocal(p.name, fn.params[i]!, p.pos));
      let body: Code;
      if ((s.body as Stmt).k === "block") {
        const b = s.body as Stmt & { k: "block" };
        body = this.block(b.stmts, false);
        if (fn.ret.k !== "void" && L.canComplete(b.stmts)) this.err(Codes.CSharpMissingReturn, s.namePos, `'${s.name}': not all code paths return a value.`);
      } else {
        const e = this.expr(s.body as Expr);
        body = fn.ret.k === "void" ? js`${e.code}; ` : js`return ${this.convert(e, fn.ret, (s.body as Expr).pos).code}; `;
      }
      const temps = this.frameTemps;
      return js`function ${l.code}(${joinCodes(params.map((p) => p.code))}) { ${L.tempDecl(temps)}${body}} `;
    } finally {
      this.returnTypes.pop();
      this.returnSeen.pop();
      this.popFrame();
      this.scopes = savedScopes;
      this.loopDepth = savedLoop;
      this.switchDepth = savedSwitch;
      this.catchVar = savedCatch;
    }
  }

  private forInitExprs(s: Stmt): Code {
    if (s.k === "expr") return this.expr(s.expr).code;
    if (s.k === "block") return joinCodes(s.stmts.map((x) => this.forInitExprs(x)));
    return js``;
  }

  embedded(s: Stmt): Code {
    if (s.k === "local") this.err(Codes.CSharpSyntax, s.pos, "Embedded statement cannot be a declaration.");
    if (s.k === "block") return js`{ ${this.block(s.stmts)} }`;
    this.pushScope();
    const c = this.stmt(s);
    this.popScope();
    return js`{ ${c}}`;
  }

  withCatchVar<T>(v: Code, f: () => T): T {
    const saved = this.catchVar;
    this.catchVar = v;
    try {
      return f();
    } finally {
      this.catchVar = saved;
    }
  }
  enterSwitch(): void {
    this.switchDepth++;
  }
  leaveSwitch(): void {
    this.switchDepth--;
  }
  enterLoop(): void {
    this.loopDepth++;
  }
  leaveLoop(): void {
    this.loopDepth--;
  }
  lookupLocalPublic(name: string): Local | undefined {
    return this.lookupLocal(name);
  }
  isValueTypeT(t: Type): boolean {
    return isValueType(t);
  }
  isRef(t: Type): boolean {
    return isReferenceType(t);
  }
  isNum(t: Type): boolean {
    return isNumeric(t);
  }
  prim(t: Type): string | null {
    return primName(t);
  }
  derives(a: Type, b: Type): boolean {
    return derivesFrom(a, b);
  }
  get nullType(): Type {
    return NULL;
  }
}

export type ReturnConverter = (e: BExpr, pos: number) => BExpr;

interface PreArg {
  arg: Arg;
  b?: BExpr;
  lambda?: Expr & { k: "lambda" };
  /** A method group argument, bound as `(p0, ...) => group(p0, ...)` once the delegate type is known. */
  group?: Expr;
  groupErr?: BindError;
  groupLambdas?: Map<number, Expr & { k: "lambda" }>;
  outDecl?: { type: Type | null; name: string; pos: number };
  discard?: boolean;
}
type Pre = PreArg;

interface LambdaResult {
  code: Code;
  ret: Type;
  cv?: { v: string | number | boolean | null };
}

/** Members every type has from object: their lowerings take any value, so they do not dereference the receiver. */
const OBJECT_METHODS = new Set(["ToString", "Equals", "GetHashCode", "CompareTo"]);

/**
 * An instance member's receiver must be checked for null where the member's lowering would not fail on
 * it: .NET throws NullReferenceException on a null receiver of a reference type, but members of object,
 * of interfaces and of the abstract Enum/Array/ValueType lower to runtime helpers that accept any value
 * (`rt.toStr(null)` is "", as in concatenation). A receiver known non-null (a `new`, a concatenation, a
 * constant) or a Nullable<T> one (whose ToString/Equals/GetHashCode accept null) needs no check.
 */
function needsReceiverCheck(recv: BExpr, m: Member): boolean {
  const t = recv.type;
  if (recv.nonNull || (recv.cv && recv.cv.v !== null) || m.isStatic || !isReferenceType(t) || t.k === "null") return false;
  const owner = m.owner;
  return (
    OBJECT_METHODS.has(m.name) ||
    !!owner?.isInterface ||
    (owner?.ns === "System" && (owner.name === "object" || owner.name === "Enum" || owner.name === "Array" || owner.name === "ValueType")) ||
    (t.k === "named" && (!!t.def.isInterface || (t.def.ns === "System" && (t.def.name === "object" || t.def.name === "Enum" || t.def.name === "ValueType"))))
  );
}

/** Code whose evaluation has no effect and cannot throw (a literal, a name): it may run after the receiver check. */
function isInert(c: Code): boolean {
  return /^(?:[\w$]+|-?\d[\w.+-]*|"(?:[^"\\]|\\.)*")$/.test(c.toString());
}

interface Applied {
  m: Member;
  owner: Type;
  sig: ReturnType<typeof signatureOf>;
  map: Map<string, Type>;
  slots: (Pre | Pre[] | null)[];
  expanded: boolean;
  cost: number;
  lambdaResults: Map<Pre, LambdaResult>;
  params: ReturnType<typeof signatureOf>["params"];
}

function groupLambda(a: PreArg, n: number): Expr & { k: "lambda" } {
  a.groupLambdas ??= new Map();
  let lam = a.groupLambdas.get(n);
  if (!lam) {
    const g = a.group!;
    const params = Array.from({ length: n }, (_v, i) => ({ name: `$mg${i}`, pos: g.pos }));
    const body: Expr = {
      k: "call",
      pos: g.pos,
      end: g.end,
      target: g,
      args: params.map((p) => ({ pos: g.pos, kind: "val" as const, expr: { k: "name" as const, pos: g.pos, end: g.end, name: p.name } })),
    };
    lam = { k: "lambda", pos: g.pos, end: g.end, params, body };
    a.groupLambdas.set(n, lam);
  }
  return lam;
}

export function joinCodes(codes: Code[]): Code {
  let out = js``;
  codes.forEach((c, i) => (out = i ? js`${out}, ${c}` : c));
  return out;
}
