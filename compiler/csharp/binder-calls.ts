// Binding invocations: method calls, delegates and local functions, overload resolution (applicability,
// better conversion, params expansion) and the lowering call of the chosen member.
import * as L from "./lower.js";
import { Code, js, rt } from "../codegen/code.js";
import { Codes, didYouMean } from "../diagnostics.js";
import type { Arg, Expr } from "./ast.js";
import { allowedExtension, memberTitle, notSupportedMessage } from "./surface/allow-list.js";
import { type BoxKind, type ConstArg, derivesFrom, elementType, ERROR, hasTypeParams, isNamed, isReferenceType, type Member, named, primName, sameType, signatureOf, substitute, type Type, typeName } from "./types.js";
import { joinCodes } from "./lower.js";
import { foldCode } from "../codegen/fold.js";
import { dereferencesFirst, inOrder } from "./argument-order.js";
import { type Applied, type BExpr, Binder, BindError, groupLambda, isInert, keepReceiver, type LambdaResult, mayBeNullReceiver, needsReceiverCheck, type Pre, type PreArg } from "./binder.js";

Binder.prototype.call = function (this: Binder, e: Expr & { k: "call" }): BExpr {
  const target = e.target;
  if (target.k === "member") {
    const recvRaw = this.raw(target.target);
    const typeArgs = target.typeArgs?.map((t) => this.resolveType(t));
    if (recvRaw.ns !== undefined) {
      // a namespace-qualified type followed by a call: Newtonsoft.Json.JsonConvert.SerializeObject(...) is handled by member(); here the callee is `ns.Name(...)`
      this.member(target); // reports the right error
    }
    if (recvRaw.typeRef) {
      this.checkOpaque(recvRaw.typeRef, target.name, target.namePos);
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
    this.checkOpaque(recv.type, target.name, target.namePos);
    if (target.name === "ToString" && e.args.length === 0 && L.isEnum(recv.type)) {
      return { type: named("string"), code: L.enumToString(this, recv), pos: e.pos, conds: recv.conds };
    }
    // Enum.ToString(string format): G/F names, D the number, X hex
    if (target.name === "ToString" && e.args.length === 1 && !e.args[0]!.name && L.isEnum(recv.type)) {
      const f = this.convert(this.expr(e.args[0]!.expr), named("string"), e.args[0]!.pos);
      return { type: named("string"), code: js`${rt("enumFormat")}(${recv.code}, ${L.enumNames(this, recv.type)}, ${f.code})`, pos: e.pos, conds: recv.conds };
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
        this.err(Codes.CSharpNotSupported, target.namePos, notSupportedMessage(memberTitle(ext, target.name)));
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
};

Binder.prototype.resolveInvocation = function (
  this: Binder,
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
  const applicable: Applied[] = [];
  for (const c of cands) {
    const ap = this.tryApply(c.m, c.owner, all, explicitTypeArgs, ext);
    if (!ap) continue;
    applicable.push(ap);
    // among equal costs the first declared overload (the surface lists the preferred one first)
    if (!best || ap.cost < best.cost) best = ap;
  }
  if (best && applicable.length > 1) {
    const verdict = betterFunctionMember(this, applicable, all);
    if (Array.isArray(verdict)) {
      const what = name === "this[]" ? "indexers" : name === ".ctor" ? "constructors" : "methods or properties";
      const [a, b] = verdict;
      this.err(Codes.CSharpAmbiguousCall, pos, `The call is ambiguous between the following ${what}: '${a!.m.sig}' and '${b!.m.sig}' (C# CS0121). Cast an argument to the parameter type of the overload you mean.`);
    }
    if (verdict) best = verdict;
  }
  if (!best) {
    const group = pre.find((p) => p.group);
    if (group) throw group.groupErr!;
    const argDesc = pre.map((p) => (p.lambda ? "lambda" : p.outDecl ? `out ${p.outDecl.type ? typeName(p.outDecl.type) : "var"}` : p.discard ? "out _" : typeName(p.b!.type))).join(", ");
    const what = name === "this[]" ? `indexer of '${recv ? typeName(recv.type) : "?"}'` : name === ".ctor" ? `constructor of '${typeName(cands[0]!.owner)}'` : `'${name}'`;
    const sigs = cands.map((c) => c.m.sig).slice(0, 4);
    this.err(Codes.CSharpBadArguments, pos, `No overload of ${what} takes arguments (${argDesc}). Candidates: ${sigs.join("; ")}.`);
  }
  return this.emitCall(best, recv, pos, ext, all);
};

Binder.prototype.tryApply = function (this: Binder, m: Member, owner: Type, args: Pre[], explicitTypeArgs: Type[] | undefined, ext: boolean): Applied | null {
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
  const bounds = new Map<string, Type[]>();
  const unify = (p: Type, a: Type) => this.unify(p, a, mtps, inferred, bounds);
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
  const bindLambdas = () => {
    for (let round = 0; round < 3; round++) {
      eachArg((p, a) => {
        if ((!a.lambda && !a.group) || lambdaResults.has(a)) return;
        const pm = substitute(p, map);
        const pt = substitute(pm, inferred);
        if (pt.k !== "named" || (pt.def.name !== "Func" && pt.def.name !== "Action")) return;
        const isFunc = pt.def.name === "Func";
        const ins = isFunc ? pt.args.slice(0, -1) : pt.args;
        if (ins.some(hasTypeParams)) return;
        const lam = a.lambda ?? groupLambda(a, ins.length);
        if (ins.length !== lam.params.length) return;
        const lr = this.bindLambda(lam, ins);
        if (!lr) return;
        lambdaResults.set(a, lr);
        // (the return type before inference: a bound for a type parameter fixed already counts too)
        if (isFunc && pm.k === "named") unify(pm.args[pm.args.length - 1]!, lr.ret);
      });
    }
  };
  bindLambdas();
  // a type parameter with bounds of several types is fixed to the one the others convert to; the
  // lambdas bound with the first type are bound again
  let refixed = false;
  for (const tp of mtps) {
    const best = this.bestBound(bounds.get(tp) ?? []);
    if (best && !sameType(best, inferred.get(tp)!)) {
      inferred.set(tp, best);
      refixed = true;
    }
  }
  if (refixed) {
    lambdaResults.clear();
    bindLambdas();
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
};

Binder.prototype.emitCall = function (this: Binder, ap: Applied, recv: BExpr | null, pos: number, ext: boolean, args: Pre[]): BExpr {
  void args;
  const { m, sig, map, slots, params } = ap;
  if (m.notSupported) this.err(Codes.CSharpNotSupported, pos, `'${m.owner ? `${m.owner.ns}.${m.owner.name}.` : ""}${m.sig.replace(/^\S+\s+/, "")}' is allowed in APIM policy expressions but apimc does not support it: ${m.notSupported}.`);
  const codes: Code[] = [];
  const argTypes: Type[] = [];
  const convArg = (a: Pre, to: Type): Code => {
    if (a.lambda || a.group) {
      const lr = ap.lambdaResults.get(a)!;
      // a result of another type than the delegate's (a key of int where TKey is decimal) is bound
      // again to convert to it
      if (to.k === "named" && to.def.name === "Func" && !hasTypeParams(to)) {
        const want = to.args[to.args.length - 1]!;
        const ins = to.args.slice(0, -1);
        if (!sameType(lr.ret, want) && lr.ret.k !== "error") return (this.bindLambda(a.lambda ?? groupLambda(a, ins.length), ins, want) ?? lr).code;
      }
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
    boxes[codes.length] = c.freshBox;
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
  // by code: the argument is a fresh box (LowerInfo.boxes); only single value arguments are marked
  const boxes: (BoxKind | undefined)[] = [];
  // by code: a value argument (C# evaluates it before the call, once, left to right: see inOrder)
  const valueArg: boolean[] = [];
  let written = 0;
  params.forEach((p, i) => {
    const s = slots[i];
    const pt = substitute(p.type, map);
    valueArg[codes.length] = s !== null && (Array.isArray(s) ? s.every((x) => x.arg.kind === "val" && !x.lambda && !x.group) : s.arg.kind === "val" && !s.lambda && !s.group && !s.outDecl && !s.discard);
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
        boxes[codes.length] = undefined;
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
  // A null receiver throws NullReferenceException after the arguments are evaluated, as .NET's
  // callvirt does: a member whose lowering would not fail on null gets an explicit check, and one
  // whose lowering dereferences the receiver (`r.Append(a)` fails before `a` runs in JS) evaluates
  // the receiver and the arguments into temporaries and checks the receiver after them.
  let prelude: Code | null = null;
  const mayBeNull = !ext && recv !== null && !m.isStatic && m.kind !== "ctor" && mayBeNullReceiver(recv);
  const checkAfterArgs = mayBeNull && !recv.code.shape && !codes.every(isInert);
  // an indexer's setter keeps its own order (receiver, index, value, then the call): the unchanged codes
  const setRecv = recv && needsReceiverCheck(recv, m) ? js`${rt("recvNotNull")}(${recv.code})` : recvCode;
  const setIdx = [...codes];
  if (!ext && recv && (needsReceiverCheck(recv, m) || checkAfterArgs)) {
    if ((m.set && !checkAfterArgs) || codes.every(isInert)) recvCode = needsReceiverCheck(recv, m) ? js`${rt("recvNotNull")}(${recv.code})` : recvCode;
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
  // a constructor's lowering sees the type it constructs as its return type
  const info = this.info(recv?.type ?? null, m.kind === "ctor" ? ap.owner : ret, argTypes, typeArgs, written, consts, boxes);
  let code = m.lower(recvCode, codes, info);
  // with inert arguments the receiver is not checked above: a lowering that hands it to a helper
  // (which may answer ArgumentNullException or a value for null) instead of dereferencing it gets the check
  // (a shaped receiver is read through its shape by a fused lowering, which checks it itself)
  if (mayBeNull && !prelude && !recv.code.shape && (!m.set || m.kind === "indexer") && recvCode === recv.code && !dereferencesFirst(code, recvCode)) {
    recvCode = js`${rt("recvNotNull")}(${recv.code})`;
    code = m.lower(recvCode, codes, info);
  }
  // A lowering that reads its arguments in another order (an extension's `this` after an argument,
  // `Prepend(x)` as `concat([x], source)`) would change which exception comes first: the value
  // arguments then go into temporaries in C#'s order, before the call.
  if (!prelude && !m.set) {
    const instance = !ext && recv !== null && !m.isStatic && m.kind !== "ctor";
    // the arguments that run (into temporaries when the lowering reorders them); every value
    // argument is an anchor for a helper that would complete before a later one runs
    const ordered = codes.map((c, i) => (valueArg[i] && consts[i] === undefined && !isInert(c) ? c : null));
    const anchors = [instance ? recvCode : null, ...codes.map((c, i) => (valueArg[i] ? c : null))];
    if (!inOrder(code, anchors, [instance && !isInert(recvCode), ...ordered.map((c) => c !== null)])) {
      let pre = js``;
      if (instance) {
        const t = this.temp();
        pre = js`${t} = ${recvCode}, `;
        recvCode = t;
      }
      codes.forEach((c, i) => {
        if (!ordered[i]) return;
        const t = this.temp();
        pre = js`${pre}${t} = ${c}, `;
        codes[i] = t;
      });
      // a null receiver throws after the arguments (callvirt), as keepReceiver would have checked
      if (instance && (mayBeNull || needsReceiverCheck(recv, m))) pre = js`${pre}${rt("recvNotNull")}(${recvCode}), `;
      prelude = pre;
      code = m.lower(recvCode, codes, info);
    }
  }
  // Build-time evaluation of pure helpers over known inputs (codegen/fold.ts).
  if (!prelude && !m.set && ret.k !== "void" && this.scope.optimize !== false) {
    const folded = foldCode(code);
    if (folded.known) {
      const b: BExpr = { type: ret, code: folded, pos };
      if (m.constant !== undefined) b.cv = m.constantBig !== undefined ? { v: m.constant, big: m.constantBig } : { v: m.constant };
      if (typeof folded.known.v === "string") b.nonNull = true;
      return b;
    }
  }
  if (prelude) code = js`(${prelude}${code})`;
  else if (!ext && recv && !m.isStatic && m.kind !== "ctor") code = keepReceiver(recv, recvCode, code);
  if (m.kind === "indexer" && m.set && recv) {
    const setter = m.set;
    const idx = prelude ? setIdx : codes;
    const sr = prelude ? setRecv : recvCode;
    const b: BExpr = { type: ret, code, pos };
    b.assign = (value, temp) => {
      if (mayBeNull && !(idx.every(isInert) && isInert(value))) {
        // receiver, index, value, then the call: a null receiver throws after all three
        const pre: Code[] = [];
        const t = recv.pure ? recv.code : temp();
        if (!recv.pure) pre.push(js`${t} = ${recv.code}`);
        const hold = (c: Code) => {
          if (isInert(c)) return c;
          const a = temp();
          pre.push(js`${a} = ${c}`);
          return a;
        };
        const is = setIdx.map(hold);
        const v = hold(value);
        return js`(${joinCodes(pre)}, ${rt("recvNotNull")}(${t}), ${setter(t, is, v, info)})`;
      }
      if (recv.pure) return setter(sr, idx, value, info);
      const t = temp();
      return js`(${t} = ${sr}, ${setter(t, idx, value, info)})`;
    };
    b.readModifyWrite = (temp) => {
      const pre: Code[] = [];
      const rt0 = recv.pure ? recv.code : temp();
      if (!recv.pure) pre.push(js`${rt0} = ${recv.code}`);
      const is = idx.map((c) => {
        if (isInert(c)) return c;
        const a = temp();
        pre.push(js`${a} = ${c}`);
        return a;
      });
      // the read is the first call on the receiver: it is what throws for a null one
      const r = mayBeNull || needsReceiverCheck(recv, m) ? js`${rt("recvNotNull")}(${rt0})` : rt0;
      return { pre: pre.length ? joinCodes(pre) : null, get: m.lower(r, is, info), set: (v) => setter(rt0, is, v, info) };
    };
    return b;
  }
  if (m.constant !== undefined) return { type: ret, code, pos, cv: m.constantBig !== undefined ? { v: m.constant, big: m.constantBig } : { v: m.constant } };
  if (ret.k === "void") code = js`${code}`;
  return { type: ret, code, pos };
};

// ---- C#'s better function member (ECMA-334 §12.6.4.3-7) ------------------------------------------
// Applied where the C# rules are modelled exactly: every argument a plain value, no generic and no
// expanded `params` candidate. Elsewhere the cost order above decides (lambdas, type inference, params).

/** The candidates no other candidate is better than. */
function undominated(b: Binder, aps: Applied[], args: Pre[]): Applied[] {
  return aps.filter((p) => !aps.some((q) => q !== p && betterMember(b, q, p, args)));
}

/** The single best member, the undominated ones when there is none (ambiguous), or null when the rules are not modelled for this call. */
function betterFunctionMember(b: Binder, aps: Applied[], args: Pre[]): Applied | Applied[] | null {
  if (args.some((a) => a.arg.kind !== "val" || !a.b || a.lambda || a.group)) return null;
  if (aps.some((ap) => ap.expanded || ap.sig.typeParams.length > 0 || ap.params.some((p) => p.mod === "params" || p.mod === "this"))) return null;
  // §12.6.4.1: members of a base type drop out when a more derived type has an applicable one (JObject.Parse hides JToken.Parse)
  aps = aps.filter((p) => !aps.some((q) => q.owner !== p.owner && !sameType(q.owner, p.owner) && derivesFrom(q.owner, p.owner)));
  // the same parameter list twice (an interface's member beside the class's): not modelled, the cost order decides
  const key = (ap: Applied) => ap.params.map((p) => typeName(substitute(p.type, ap.map))).join(",");
  if (new Set(aps.map(key)).size < aps.length) return null;
  if (aps.length === 1) return aps[0]!;
  const best = aps.filter((p) => aps.every((q) => q === p || betterMember(b, p, q, args)));
  if (best.length === 1) return best[0]!;
  const open = undominated(b, aps, args);
  return open.length > 1 ? open : null;
}

/** The parameter type an argument converts to under a candidate (its slot). */
function paramTypeOf(ap: Applied, arg: Pre): Type | null {
  const i = ap.slots.findIndex((s) => s === arg);
  return i < 0 ? null : substitute(ap.params[i]!.type, ap.map);
}

/** §12.6.4.3: `p` is better than `q` when no argument converts better to q's parameter and at least one converts better to p's. */
function betterMember(b: Binder, p: Applied, q: Applied, args: Pre[]): boolean {
  let better = false;
  for (const a of args) {
    const tp = paramTypeOf(p, a);
    const tq = paramTypeOf(q, a);
    if (!tp || !tq) return false;
    if (betterConversion(b, a.b!.type, tq, tp)) return false;
    if (betterConversion(b, a.b!.type, tp, tq)) better = true;
  }
  if (better) return true;
  // §12.6.4.3 tie-break: the same parameter types, a non-generic declaration first (not modelled further)
  return false;
}

const SIGNED_OVER_UNSIGNED: Record<string, string[]> = { sbyte: ["byte", "ushort", "uint", "ulong"], short: ["ushort", "uint", "ulong"], int: ["uint", "ulong"], long: ["ulong"] };

/** §12.6.4.4-6: the conversion of an expression of type `s` to `t1` is better than to `t2`. */
function betterConversion(b: Binder, s: Type, t1: Type, t2: Type): boolean {
  if (sameType(t1, t2)) return false;
  if (sameType(s, t1)) return true;
  if (sameType(s, t2)) return false;
  const conv = (from: Type, to: Type) => b.implicitCost({ type: from, code: js``, pos: 0 }, to) >= 0;
  if (conv(t1, t2) && !conv(t2, t1)) return true;
  const n1 = primName(t1);
  const n2 = primName(t2);
  return n1 !== null && n2 !== null && (SIGNED_OVER_UNSIGNED[n1]?.includes(n2) ?? false);
}
