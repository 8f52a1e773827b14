// Binding member access: name lookup on a type (members, extension methods), static and instance members,
// properties, indexers, `?.` chains, and the setters object/collection initializers use.
import { type Code, js, rt } from "../codegen/code.js";
import { Codes, didYouMean } from "../diagnostics.js";
import type { Arg, Expr } from "./ast.js";
import { allowedTypeNamed } from "./surface/allow-list.js";
import { type BoxKind, type ConstArg, ERROR, extensionClasses, isNullable, isValueType, lookupFull, lookupType, type LowerInfo, type Member, named, namespaces, PRIMITIVE_ALIASES, sameType, signatureOf, substitute, supertypes, type Type, typeName, underlyingNullable } from "./types.js";
import { type BExpr, Binder, FORBIDDEN, keepReceiver, mayBeNullReceiver, needsReceiverCheck, usesCode } from "./binder.js";
import { dereferencesFirst } from "./argument-order.js";

/** Members named `name` visible on `t` (own type first, then supertypes), with the owning instance type. */
Binder.prototype.findMembers = function (this: Binder, t: Type, name: string, kinds: Member["kind"][]): { m: Member; owner: Type }[] {
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
};

Binder.prototype.memberNames = function (this: Binder, t: Type): string[] {
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
};

Binder.prototype.member = function (this: Binder, e: Expr & { k: "member" }): BExpr {
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
};

/** `a?.` : evaluates `a` into a temp and continues the chain on the temp. */
Binder.prototype.openCond = function (this: Binder, recv: BExpr, pos: number): BExpr {
  if (isValueType(recv.type) && !isNullable(recv.type))
    this.err(Codes.CSharpTypeMismatch, pos, `Operator '?' cannot be applied to operand of type '${typeName(recv.type)}'.`);
  const t = this.temp();
  const conds = [...(recv.conds ?? []), { t, recv: recv.code }];
  const type = underlyingNullable(recv.type);
  // a Nullable<T> receiver continues as T
  return { type, code: t, pos: recv.pos, conds, pure: true };
};

Binder.prototype.staticMember = function (this: Binder, t: Type, name: string, namePos: number, pos: number): BExpr {
  const ms = this.findMembers(t, name, ["prop", "field"]);
  const m = ms.find((x) => x.m.isStatic);
  if (m) return this.propAccess(null, m.m, m.owner, pos);
  if (this.findMembers(t, name, ["method"]).some((x) => x.m.isStatic)) this.err(Codes.CSharpTypeMismatch, pos, `'${name}' is a method, which is not valid in the given context.`);
  if (ms.length) this.err(Codes.CSharpTypeMismatch, namePos, `An object reference is required for the non-static member '${typeName(t)}.${name}'.`);
  this.checkOpaque(t, name, namePos);
  this.checkAllowList(t, name, namePos);
  // a nested type APIM allows (TimeZoneInfo.AdjustmentRule) that the surface does not declare
  this.checkAllowedType(`${typeName(t)}.${name}`, namePos);
  this.err(Codes.CSharpUnknownMember, namePos, `'${typeName(t)}' does not contain a definition for '${name}'.${didYouMean(name, this.memberNames(t))}`);
};

Binder.prototype.instanceMember = function (this: Binder, recv: BExpr, name: string, namePos: number, pos: number): BExpr {
  const t = recv.type;
  if (t.k === "null") this.err(Codes.CSharpTypeMismatch, pos, `Cannot access member '${name}' of the null literal.`);
  this.checkOpaque(t, name, namePos);
  const ms = this.findMembers(t, name, ["prop", "field"]);
  const m = ms.find((x) => !x.m.isStatic);
  if (m) return { ...this.propAccess(recv, m.m, m.owner, pos), conds: recv.conds };
  if (ms.length) this.err(Codes.CSharpTypeMismatch, namePos, `Member '${typeName(t)}.${name}' cannot be accessed with an instance reference; qualify it with a type name instead.`);
  if (this.findMembers(t, name, ["method"]).length || this.extensionCandidates(name).length)
    this.err(Codes.CSharpTypeMismatch, pos, `'${name}' is a method, which is not valid in the given context (missing parentheses?).`);
  this.checkAllowList(t, name, namePos);
  this.err(Codes.CSharpUnknownMember, namePos, `'${typeName(t)}' does not contain a definition for '${name}'.${didYouMean(name, this.memberNames(t))}`);
};

Binder.prototype.ownerMap = function (this: Binder, owner: Type): Map<string, Type> {
  const map = new Map<string, Type>();
  if (owner.k === "named") owner.def.typeParams.forEach((tp, i) => map.set(tp, owner.args[i] ?? ERROR));
  return map;
};

Binder.prototype.info = function (this: Binder, recvType: Type | null, retType: Type, argTypes: Type[], typeArgs: Type[], written: number, consts: (ConstArg | undefined)[] = [], boxes: (BoxKind | undefined)[] = []): LowerInfo {
  return { typeArgs, argTypes, recvType, retType, temp: () => this.temp(), written, consts, boxes };
};

Binder.prototype.propAccess = function (this: Binder, recv: BExpr | null, m: Member, owner: Type, pos: number): BExpr {
  const sig = signatureOf(m);
  const type = substitute(sig.ret, this.ownerMap(owner));
  const info = this.info(recv?.type ?? null, type, [], [], 0);
  let rc = recv && needsReceiverCheck(recv, m) ? js`${rt("recvNotNull")}(${recv.code})` : (recv?.code ?? js``);
  let lowered = m.lower(rc, [], info);
  // a lowering that hands a receiver that may be null to a helper, instead of dereferencing it, gets the check
  if (recv && !m.isStatic && rc === recv.code && !rc.shape && mayBeNullReceiver(recv) && usesCode(lowered, rc) && !dereferencesFirst(lowered, rc)) {
    rc = js`${rt("recvNotNull")}(${recv.code})`;
    lowered = m.lower(rc, [], info);
  }
  const code = recv && !m.isStatic ? keepReceiver(recv, rc, lowered) : lowered;
  if (type.k === "named" && type.def.name === "IMessageBody") this.readsBody = true;
  const b: BExpr = { type, code, pos };
  if (m.constant !== undefined) b.cv = m.constantBig !== undefined ? { v: m.constant, big: m.constantBig } : { v: m.constant };
  if (m.set && recv) {
    const setter = m.set;
    b.assign = (value, temp) => {
      if (recv.pure) return setter(rc, [], value, info);
      const t = temp();
      return js`(${t} = ${rc}, ${setter(t, [], value, info)})`;
    };
  }
  return b;
};

Binder.prototype.index = function (this: Binder, e: Expr & { k: "index" }): BExpr {
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
  this.checkOpaque(t, "Item", e.pos);
  const cands = this.findMembers(t, "this[]", ["indexer"]);
  if (!cands.length) this.checkAllowList(t, "this[]", e.pos);
  if (!cands.length) this.err(Codes.CSharpUnknownMember, e.pos, `Cannot apply indexing with [] to an expression of type '${typeName(t)}'.`);
  const r = this.resolveInvocation(cands, recv, e.args, undefined, e.pos, "this[]", false);
  return { ...r, conds: recv.conds };
};

Binder.prototype.extensionCandidates = function (this: Binder, name: string): { m: Member; owner: Type }[] {
  const out: { m: Member; owner: Type }[] = [];
  for (const d of extensionClasses) for (const m of d.extensions!.get(name) ?? []) out.push({ m, owner: { k: "named", def: d, args: [] } });
  return out;
};

/** Binds `recv.Add(args)` for collection initializers. */
Binder.prototype.bindAdd = function (this: Binder, recvType: Type, recvCode: Code, args: Expr[], pos: number): Code {
  const fake: BExpr = { type: recvType, code: recvCode, pos, pure: true, nonNull: true };
  const inst = this.findMembers(recvType, "Add", ["method"]).filter((c) => !c.m.isStatic);
  if (!inst.length) this.err(Codes.CSharpUnknownMember, pos, `'${typeName(recvType)}' does not contain a definition for 'Add' (needed by the collection initializer).`);
  const argList: Arg[] = args.map((a) => ({ pos: a.pos, kind: "val", expr: a }));
  return this.resolveInvocation(inst, fake, argList, undefined, pos, "Add", false).code;
};

/** Binds `recv[index] = value` for object initializers. */
Binder.prototype.bindIndexSet = function (this: Binder, recvType: Type, recvCode: Code, index: Arg[], value: Expr, pos: number): Code {
  const fake: BExpr = { type: recvType, code: recvCode, pos, pure: true, nonNull: true };
  const cands = this.findMembers(recvType, "this[]", ["indexer"]);
  if (!cands.length) this.err(Codes.CSharpUnknownMember, pos, `Cannot apply indexing with [] to an expression of type '${typeName(recvType)}'.`);
  const target = this.resolveInvocation(cands, fake, index, undefined, pos, "this[]", false);
  if (!target.assign) this.err(Codes.CSharpTypeMismatch, pos, "The indexer is read only.");
  const v = this.convert(this.expr(value), target.type, value.pos);
  return target.assign(v.code, () => this.temp());
};

Binder.prototype.bindMemberSet = function (this: Binder, recvType: Type, recvCode: Code, name: string, value: Expr, pos: number): Code {
  const fake: BExpr = { type: recvType, code: recvCode, pos, pure: true, nonNull: true };
  const target = this.instanceMember(fake, name, pos, pos);
  if (!target.assign) this.err(Codes.CSharpTypeMismatch, pos, `Property '${name}' cannot be assigned to; it is read only.`);
  const v = this.convert(this.expr(value), target.type, value.pos);
  return target.assign(v.code, () => this.temp());
};
