// Lambdas and generic inference: type arguments inferred from argument types, lambdas bound once
// their parameter types are known.
import * as L from "./lower.js";
import { js } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { Expr, Stmt } from "./ast.js";
import { elementType, findInstance, sameType, type Type, typeName, VOID } from "./types.js";
import { joinCodes } from "./lower.js";
import { Binder, BindError, type LambdaResult } from "./binder.js";

/**
 * Type inference from one argument: `inferred` takes the first type found for each type parameter
 * (what lambdas bound before all bounds are in see), `bounds` collects every one (see bestBound).
 */
Binder.prototype.unify = function (this: Binder, p: Type, a: Type, tps: string[], inferred: Map<string, Type>, bounds?: Map<string, Type[]>): void {
  if (p.k === "tp") {
    if (!tps.includes(p.name)) return;
    if (a.k === "null" || a.k === "error" || a.k === "lambda") return;
    if (!inferred.has(p.name)) inferred.set(p.name, a);
    if (bounds) bounds.set(p.name, [...(bounds.get(p.name) ?? []), a]);
    return;
  }
  if (p.k === "array") {
    if (a.k === "array") this.unify(p.elem, a.elem, tps, inferred, bounds);
    else {
      const e = elementType(a);
      if (e) this.unify(p.elem, e, tps, inferred, bounds);
    }
    return;
  }
  if (p.k === "named" && p.args.length) {
    if (a.k === "null" || a.k === "error") return;
    const inst = findInstance(a, p.def);
    if (inst && inst.k === "named") p.args.forEach((x, i) => this.unify(x, inst.args[i]!, tps, inferred, bounds));
  }
};

/**
 * Fixing a type parameter with several bounds (C# spec 12.6.3.12): the one candidate every other
 * converts to implicitly (Join's keys int and double: double); null when there is none or it is
 * not unique (the first type found stays, and applicability decides).
 */
Binder.prototype.bestBound = function (this: Binder, bounds: Type[]): Type | null {
  const distinct = bounds.filter((t, i) => bounds.findIndex((u) => sameType(t, u)) === i);
  if (distinct.length < 2) return null;
  const fits = distinct.filter((c) => distinct.every((t) => sameType(t, c) || this.implicitCost({ type: t, code: js``, pos: 0 }, c) >= 0));
  return fits.length === 1 ? fits[0]! : null;
};

/**
 * Binds a lambda with the given parameter types; returns null when its body does not bind. With
 * `ret` (the delegate's return type, once known) its result converts to it: x => x as a
 * Func<int, decimal> returns a decimal.
 */
Binder.prototype.bindLambda = function (this: Binder, e: Expr & { k: "lambda" }, ins: Type[], ret?: Type): LambdaResult | null {
  e.params.forEach((p, i) => {
    if (p.type) {
      const t = this.resolveType(p.type);
      if (!sameType(t, ins[i]!)) throw new BindError(Codes.CSharpBadArguments, p.pos, `Lambda parameter '${p.name}' has type '${typeName(t)}', expected '${typeName(ins[i]!)}'.`);
    }
  });
  const key = ins.map(typeName).join(",") + (ret ? `->${typeName(ret)}` : "");
  const cache = ((e as { $cache?: Map<string, LambdaResult | BindError> }).$cache ??= new Map());
  const hit = cache.get(key);
  if (hit instanceof BindError) return null;
  if (hit) return hit;
  // the enclosing catch clause stays visible, as before (`throw;` in a lambda is not checked further)
  return this.inNestedFunction(false, () => {
    let pushedReturn = false;
    try {
      const locals = e.params.map((p, i) => this.declareLocal(p.name, ins[i]!, p.pos));
      const paramList = joinCodes(locals.map((l) => l.code));
      let res: LambdaResult;
      if ((e.body as Stmt).k === "block") {
        this.returnTypes.push(ret ?? null);
        this.returnSeen.push([]);
        pushedReturn = true;
        const body = this.block((e.body as Stmt & { k: "block" }).stmts, false);
        const seen = this.returnSeen[this.returnSeen.length - 1]!;
        const inferred = ret ?? (seen.length ? L.commonType(this, seen, e.pos) : VOID);
        res = { code: js`((${paramList}) => { ${L.tempDecl(this.frameTemps)}${body}})`, ret: inferred };
      } else {
        let b = this.expr(e.body as Expr);
        if (ret && !sameType(b.type, ret)) b = this.convert(b, ret, (e.body as Expr).pos);
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
    }
  });
};
