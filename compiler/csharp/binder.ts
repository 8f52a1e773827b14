// Binder: resolves names and members against the surface tables, computes static types, picks
// overloads (with generic inference through lambdas), applies implicit conversions, and produces
// the lowered JS for each node on the way (see lower.ts for the value representations and the
// operator/conversion lowering it calls).
import * as L from "./lower.js";
import { Code, ident, js, literal, rt } from "../codegen/code.js";
import type { ModuleScope } from "../codegen/scope.js";
import { Codes, type DiagnosticCode, didYouMean } from "../diagnostics.js";
import { type Arg, type Expr, type InterpPart, type Stmt, type TypeNode, typeNodeText } from "./ast.js";
import { allowedTypeNamed, memberTitle, memberVerdict, notSupportedMessage } from "./surface/allow-list.js";
import { allTypeNames, anonFormatKey, arrayOf, type BoxKind, type ConstArg, type ConstValue, derivesFrom, ERROR, isNamed, isNullable, underlyingNullable, isNumeric, isReferenceType, isValueType, lookupFull, lookupType, lookupTypeAnyArity, type LowerInfo, type Member, named, namespaces, NULL, nullableOf, PRIMITIVE_ALIASES, primName, signatureOf, type Type, typeName } from "./types.js";
import { joinCodes } from "./lower.js";
import { foldCode, foldedLiteral } from "../codegen/fold.js";

import type { BExpr, Local, ReturnConverter } from "./bound.js";
export type { BExpr, Local, ReturnConverter };

export class BindError extends Error {
  constructor(
    readonly code: DiagnosticCode,
    readonly pos: number,
    message: string,
  ) {
    super(message);
  }
}




export interface Frame {
  temps: Code[];
}

/** Names that are real .NET types but not allowed in policy expressions. */
export const FORBIDDEN: Record<string, string> = {
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

/**
 * The binder by topic (as acorn splits its parser): the members below are installed on the prototype by
 * binder-members.ts, binder-calls.ts, binder-lambdas.ts and binder-statements.ts, which import this
 * module; compiler/csharp/index.ts loads them with the class.
 */
export interface Binder {
  // binder-members.ts
  findMembers(t: Type, name: string, kinds: Member["kind"][]): { m: Member; owner: Type }[];
  memberNames(t: Type): string[];
  member(e: Expr & { k: "member" }): BExpr;
  openCond(recv: BExpr, pos: number): BExpr;
  staticMember(t: Type, name: string, namePos: number, pos: number): BExpr;
  instanceMember(recv: BExpr, name: string, namePos: number, pos: number): BExpr;
  ownerMap(owner: Type): Map<string, Type>;
  info(recvType: Type | null, retType: Type, argTypes: Type[], typeArgs: Type[], written: number, consts?: (ConstArg | undefined)[], boxes?: (BoxKind | undefined)[]): LowerInfo;
  propAccess(recv: BExpr | null, m: Member, owner: Type, pos: number): BExpr;
  index(e: Expr & { k: "index" }): BExpr;
  extensionCandidates(name: string): { m: Member; owner: Type }[];
  bindAdd(recvType: Type, recvCode: Code, args: Expr[], pos: number): Code;
  bindIndexSet(recvType: Type, recvCode: Code, index: Arg[], value: Expr, pos: number): Code;
  bindMemberSet(recvType: Type, recvCode: Code, name: string, value: Expr, pos: number): Code;
  // binder-calls.ts
  call(e: Expr & { k: "call" }): BExpr;
  resolveInvocation(cands: { m: Member; owner: Type }[], recv: BExpr | null, args: Arg[], explicitTypeArgs: Type[] | undefined, pos: number, name: string, ext: boolean): BExpr;
  tryApply(m: Member, owner: Type, args: Pre[], explicitTypeArgs: Type[] | undefined, ext: boolean): Applied | null;
  emitCall(ap: Applied, recv: BExpr | null, pos: number, ext: boolean, args: Pre[]): BExpr;
  // binder-lambdas.ts
  unify(p: Type, a: Type, tps: string[], inferred: Map<string, Type>, bounds?: Map<string, Type[]>): void;
  bestBound(bounds: Type[]): Type | null;
  bindLambda(e: Expr & { k: "lambda" }, ins: Type[], ret?: Type): LambdaResult | null;
  // binder-statements.ts
  block(stmts: Stmt[], newScope?: boolean): Code;
  setReturnType(t: Type | null | ReturnConverter): void;
  stmt(s: Stmt): Code;
  localFunction(s: Stmt & { k: "localFunc" }): Code;
  forInitExprs(s: Stmt): Code;
  embedded(s: Stmt): Code;
  withCatchVar<T>(v: Code, f: () => T): T;
}
export class Binder {
  scopes: Map<string, Local>[] = [new Map()];
  frames: Frame[] = [{ temps: [] }];
  /** Inside a catch clause: the identifier holding the caught exception (for `throw;`). */
  catchVar: Code | null = null;
  /** Return type of the innermost lambda/block being bound (null while inferring). */
  returnTypes: (Type | null | ReturnConverter)[] = [];
  returnSeen: Type[][] = [];
  loopDepth = 0;
  switchDepth = 0;
  /** Inside checked(...): integral overflow throws OverflowException. null = default context (unchecked at run time, constants checked). */
  checkedCtx: boolean | null = null;

  /** Set when the expression reads a message body (a member of type IMessageBody): the gateway must buffer bodies. */
  readsBody = false;
  /** Names assigned anywhere in the expression (=, op=, ++/--, out/ref): their locals never carry a folded value. */
  assignedNames: ReadonlySet<string> = new Set();
  unusedDecls: { local: Local; decl: Code }[] = [];

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
  checkAllowList(t: Type, key: string, pos: number): void {
    const v = memberVerdict(t, key);
    if (v?.allowed) this.err(Codes.CSharpNotSupported, pos, notSupportedMessage(memberTitle(v.row, key)));
    if (v) this.err(Codes.CSharpForbiddenType, pos, `'${memberTitle(v.row, key)}' is not allowed in APIM policy expressions (it is not among the members the APIM reference lists for ${v.row.type}).`);
  }
  /** A member of a type the allow-list leaves out but whose values flow between allowed members (TypeDef.opaque): APIMC3005. */
  checkOpaque(t: Type, name: string, pos: number): void {
    if (t.k === "named" && t.def.opaque) this.err(Codes.CSharpForbiddenType, pos, `'${t.def.ns}.${t.def.name}.${name}' is not allowed in APIM policy expressions: ${t.def.ns}.${t.def.name} is not on APIM's allow-list; ${t.def.opaque}.`);
  }
  /** A type APIM allows that the surface does not declare: not supported yet (APIMC3009). */
  checkAllowedType(written: string, pos: number): void {
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
  /**
   * Binds the body of a nested function (a lambda, a local function): its own scope over the
   * enclosing locals, its own temps frame, no enclosing loop or switch (break/continue cannot leave
   * it) and, with `leaveCatch`, no enclosing catch clause (`throw;`); the state is restored after.
   */
  inNestedFunction<T>(leaveCatch: boolean, f: () => T): T {
    const saved = { scopes: this.scopes, loopDepth: this.loopDepth, switchDepth: this.switchDepth, catchVar: this.catchVar };
    this.scopes = [...this.scopes, new Map()];
    this.loopDepth = 0;
    this.switchDepth = 0;
    if (leaveCatch) this.catchVar = null;
    this.pushFrame();
    try {
      return f();
    } finally {
      this.popFrame();
      ({ scopes: this.scopes, loopDepth: this.loopDepth, switchDepth: this.switchDepth, catchVar: this.catchVar } = saved);
    }
  }
  get frameTemps(): Code[] {
    return this.frames[this.frames.length - 1]!.temps;
  }
  lookupLocal(name: string): Local | undefined {
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
        if (def.opaque) this.err(Codes.CSharpForbiddenType, t.pos, `'${def.ns}.${def.name}' is not allowed in APIM policy expressions (it is not on APIM's allow-list); ${def.opaque}, so declare the variable with var.`);
        return { k: "named", def, args };
      }
    }
  }

  isForbiddenNamespace(full: string): boolean {
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
        members.forEach((m, i) => (keys = js`${keys}${i ? js`, ` : js``}${literal(anonFormatKey(m.b.type))}`));
        const made = js`${rt("anon")}(${code} }, [${keys}])`;
        return { type: L.anonType(members.map((m) => ({ name: m.name, type: m.b.type }))), code: this.scope.optimize === false ? made : foldCode(made), pos: e.pos, nonNull: true };
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
  name(e: Expr & { k: "name" }): BExpr {
    const local = e.typeArgs ? undefined : this.lookupLocal(e.name);
    if (local) {
      // a local that holds a folded primitive and is never assigned reads as the literal
      const lit = local.code.known && !local.fn ? foldedLiteral(local.code.known.v) : null;
      if (lit) lit.known = local.code.known;
      return { type: local.type, code: lit ?? local.code, pos: e.pos, local, cv: local.cv, pure: true, ...(lit && local.code.known!.v !== null ? { nonNull: true } : {}) };
    }
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
        const lr = this.bindLambda(b.lambda, ins, to.def.name === "Func" ? to.args[to.args.length - 1] : undefined);
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
  newObject(e: Expr & { k: "new" }): BExpr {
    const t = this.resolveType(e.type);
    if (t.k !== "named") this.err(Codes.CSharpTypeMismatch, e.pos, "Cannot create an instance of this type.");
    // a delegate creation expression, new Func<int, decimal>(x => x): the lambda (or a delegate) converted
    const only = e.args?.length === 1 && !e.init ? e.args[0]! : null;
    // new T?() is null, new T?(v) the value
    if (isNullable(t) && !e.init && (e.args?.length ?? 0) === 0) return { type: t, code: js`null`, pos: e.pos };
    if (isNullable(t) && only?.kind === "val" && !only.name) return { ...this.convert(this.convert(this.expr(only.expr), underlyingNullable(t), only.expr.pos), t, only.expr.pos), pos: e.pos };
    if ((t.def.name === "Func" || t.def.name === "Action") && t.def.ns === "System" && only?.kind === "val" && !only.name) return { ...this.convert(this.raw(only.expr), t, only.expr.pos), pos: e.pos };
    const ctors = t.def.members.get(".ctor") ?? [];
    if (!ctors.length) this.checkAllowList(t, ".ctor", e.type.pos);
    if (!ctors.length) this.err(Codes.CSharpNotSupported, e.type.pos, `Cannot create an instance of '${typeName(t)}' in policy expressions (no constructor available).`);
    const cands = ctors.map((m) => ({ m, owner: t }));
    let obj = this.resolveInvocation(cands, null, e.args ?? [], undefined, e.type.pos, ".ctor", false);
    obj = { type: t, code: obj.code, pos: e.pos, nonNull: true };
    if (!e.init) return obj;
    return { ...L.initializer(this, obj, e.init, e.pos), nonNull: true };
  }

  newArray(e: Expr & { k: "newArray" }): BExpr {
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
  interp(parts: InterpPart[], pos: number): BExpr {
    const pieces: Code[] = [];
    let allConst = true;
    let constText = "";
    const holes: { b: BExpr; align?: BExpr; format?: string }[] = [];
    const bound = parts.map((p) => {
      if (typeof p === "string") return p;
      const b = this.expr(p.expr);
      let align: BExpr | undefined;
      if (p.align) {
        align = this.convert(this.expr(p.align), named("int"), p.align.pos);
        if (align.cv === undefined) this.err(Codes.CSharpTypeMismatch, p.align.pos, "The alignment of an interpolation must be a constant.");
      }
      const h = { b, align, format: p.format };
      holes.push(h);
      return h;
    });
    // C# evaluates every hole (string.Format's arguments) before it formats any: when a format that
    // can throw comes before another hole, the holes go into temps first so a later hole's exception
    // (or side effect) comes before the format's.
    const live = holes.filter((h) => h.b.cv === undefined);
    const hoist = live.some((h, i) => h.format !== undefined && i < live.length - 1);
    const pre: Code[] = [];
    // the first piece a JS number: the chain starts from "" so that `+` concatenates, not adds
    let numberFirst = false;
    for (const h of bound) {
      if (typeof h === "string") {
        pieces.push(literal(h));
        constText += h;
        continue;
      }
      let { b } = h;
      const { align } = h;
      if (b.cv !== undefined && h.format === undefined && !align && (typeof b.cv.v === "string" || b.cv.v === null)) {
        pieces.push(literal(b.cv.v ?? ""));
        constText += b.cv.v ?? "";
        continue;
      }
      allConst = false;
      if (hoist && b.cv === undefined) {
        const t = this.temp();
        pre.push(js`${t} = ${b.code}`);
        b = { ...b, code: t, pure: true };
      }
      let s = h.format !== undefined ? L.formatted(this, b, h.format) : L.stringOf(this, b);
      if (align) s = js`${rt("align")}(${s}, ${align.cv!.v as number})`;
      if (pieces.length === 0) numberFirst = h.format === undefined && !align && L.stringOfIsNumber(b);
      pieces.push(s);
    }
    if (allConst) return { type: named("string"), code: literal(constText), pos, cv: { v: constText } };
    if (pieces.length === 0) return { type: named("string"), code: js`""`, pos, cv: { v: "" } };
    let code = pieces[0]!;
    if (pieces.length === 1 || numberFirst) code = js`("" + ${code})`;
    for (let i = 1; i < pieces.length; i++) code = js`${code} + ${pieces[i]!}`;
    if (pre.length) code = js`${joinCodes(pre)}, ${code}`;
    return { type: named("string"), code: js`(${code})`, pos };
  }

  // ---- statements ----------------------------------------------------------------------------------

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


export interface PreArg {
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
export type Pre = PreArg;

export interface LambdaResult {
  code: Code;
  ret: Type;
  cv?: ConstValue;
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
export function needsReceiverCheck(recv: BExpr, m: Member): boolean {
  const t = recv.type;
  if (m.isStatic || !mayBeNullReceiver(recv)) return false;
  const owner = m.owner;
  return (
    OBJECT_METHODS.has(m.name) ||
    !!owner?.isInterface ||
    (owner?.ns === "System" && (owner.name === "object" || owner.name === "Enum" || owner.name === "Array" || owner.name === "ValueType")) ||
    (t.k === "named" && (!!t.def.isInterface || (t.def.ns === "System" && (t.def.name === "object" || t.def.name === "Enum" || t.def.name === "ValueType"))))
  );
}

/**
 * A lowering that does not use its receiver (`IsAbsoluteUri` is always true here, `Dispose()` does
 * nothing) still evaluates it, and a null reference-type receiver still throws NullReferenceException.
 */
export function keepReceiver(recv: BExpr, recvCode: Code, code: Code): Code {
  // a shaped receiver (compiler/codegen/code.ts CodeShape) may be read through its shape by a fused lowering
  if (recvCode.shape || recv.code.shape || usesCode(code, recvCode)) return code;
  if (isReferenceType(recv.type) && !recv.nonNull && !(recv.cv && recv.cv.v !== null)) return js`(${rt("recvNotNull")}(${recvCode}), ${code})`;
  return isInert(recvCode) ? code : js`(void ${recvCode}, ${code})`;
}
/** A receiver of a reference type that may be null (not a `new`, a concatenation or a non-null constant). */
export function mayBeNullReceiver(recv: BExpr): boolean {
  return isReferenceType(recv.type) && recv.type.k !== "null" && !recv.nonNull && !(recv.cv && recv.cv.v !== null);
}
export function usesCode(code: Code, part: Code): boolean {
  const stack: Code[] = [code];
  while (stack.length) {
    const c = stack.pop()!;
    if (c === part) return true;
    for (const p of c.parts) if (p instanceof Code) stack.push(p);
  }
  return false;
}

/** Code whose evaluation has no effect and cannot throw (a literal, a name): it may run after the receiver check. */
export function isInert(c: Code): boolean {
  return /^(?:[\w$]+|-?\d[\w.+-]*|"(?:[^"\\]|\\.)*")$/.test(c.toString());
}

export interface Applied {
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

export function groupLambda(a: PreArg, n: number): Expr & { k: "lambda" } {
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
