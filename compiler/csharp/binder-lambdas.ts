// Lambdas and generic inference: type arguments inferred from argument types, lambdas bound once
// their parameter types are known.
import * as L from "./lower.js";
import { js } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { Expr, Stmt } from "./ast.js";
import { elementType, findInstance, sameType, type Type, typeName, VOID } from "./types.js";
import { joinCodes } from "./lower.js";
import { Binder, BindError, type LambdaResult } from "./binder.js";

Binder.prototype.unify = function (this: Binder, p: Type, a: Type, tps: string[], inferred: Map<string, Type>): void {
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
};

/** Binds a lambda with the given parameter types; returns null when its body does not bind. */
Binder.prototype.bindLambda = function (this: Binder, e: Expr & { k: "lambda" }, ins: Type[]): LambdaResult | null {
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
  // the enclosing catch clause stays visible, as before (`throw;` in a lambda is not checked further)
  return this.inNestedFunction(false, () => {
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
    }
  });
};
