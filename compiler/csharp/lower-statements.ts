// Lowering of statements the binder hands over: local declarations, foreach, switch, try/catch/finally,
// and the reachability check (can a statement list complete normally: CS0161, CS0163).
import { Code, blank, js, literal, rt, braced } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { Expr, Stmt } from "./ast.js";
import { derivesFrom, elementType, isNamed, isNumeric, named, sameType, type Type, typeName, underlyingNullable } from "./types.js";
import type { BExpr, LowerBinder as Binder } from "./bound.js";
import { cast, implicitCost, isDecimal, isEnum, joinCodes } from "./lower.js";

export function localDecl(b: Binder, s: Stmt & { k: "local" }, inFor = false): Code {
  const declared = s.type ? b.resolveType(s.type) : null;
  const parts: Code[] = [];
  for (const d of s.decls) {
    let type = declared;
    let init: BExpr | null = null;
    if (d.init) {
      if (d.init.k === "newArray" && (d.init as { fromDecl?: boolean }).fromDecl) {
        if (!declared || declared.k !== "array") b.err(Codes.CSharpTypeMismatch, d.init.pos, "Can only use array initializer expressions to assign to array types.");
        d.init = { ...d.init, elem: null };
        const items = d.init.init!.map((x) => b.convert(b.expr(x), declared.elem, x.pos).code);
        init = { type: declared, code: isNamed(declared.elem, "byte") ? js`Uint8Array.of(${joinCodes(items)})` : js`[${joinCodes(items)}]`, pos: d.init.pos };
      } else {
        const raw = b.raw(d.init);
        if (raw.lambda && declared) init = b.convert(raw, declared, d.init.pos);
        else init = b.value(b.close(raw), d.init.pos);
      }
      if (!type) {
        if (init.type.k === "null") b.err(Codes.CSharpTypeMismatch, d.pos, "Cannot assign <null> to an implicitly-typed variable.");
        if (init.type.k === "void") b.err(Codes.CSharpTypeMismatch, d.pos, "Cannot assign void to an implicitly-typed variable.");
        if (init.lambda) b.err(Codes.CSharpTypeMismatch, d.pos, "Cannot assign lambda expression to an implicitly-typed variable.");
        type = init.type;
      } else init = b.convert(init, type, d.init.pos);
    } else if (!type) b.err(Codes.CSharpSyntax, d.pos, "Implicitly-typed variables must be initialized.");
    if (s.isConst && (!init || init.cv === undefined)) b.err(Codes.CSharpTypeMismatch, d.pos, `The expression being assigned must be constant.${secretIn(d.init)}`);
    const local = b.declareLocal(d.name, type!, d.pos);
    // A folded value follows a local that is never assigned again when it cannot change (a primitive
    // or an anonymous object): later calls over it fold too.
    if (init && !b.assignedNames.has(d.name)) {
      if (init.code.known && immutableValue(init.code.known.v, init.type)) local.code.known = init.code.known;
      else if ((typeof init.cv?.v === "string" && isNamed(type!, "string")) || (typeof init.cv?.v === "boolean" && isNamed(type!, "bool"))) local.code.known = { v: init.cv.v };
    }
    if (s.isConst) {
      local.readonly = true;
      local.cv = init!.cv;
    }
    parts.push(init ? js`${local.code} = ${init.code}` : local.code);
    // Without effects (a local, a literal, a value folded at build time): dropped if never used.
    if (s.decls.length === 1 && !inFor && init && !b.assignedNames.has(d.name) && (init.pure || init.code.known !== undefined)) {
      const decl = js`let ${parts[0]!}; `;
      b.unusedDecls.push({ local, decl });
      return decl;
    }
  }
  return inFor ? js`let ${joinCodes(parts)}` : js`let ${joinCodes(parts)}; `;
}

/**
 * Empties the declarations of `unusedDecls` whose local the bound code `root` never names (once
 * binding is over: a use that a later fold turned into a literal is no use). A kept declaration's
 * initializer counts too: `var a = 1; var b = a;` keeps `a` only if `b` is kept.
 */
export function dropUnusedDecls(b: Binder, root: Code): void {
  if (b.unusedDecls.length === 0 || b.scope.optimize === false) return;
  const kept = new Set<Code>();
  for (let changed = true; changed; ) {
    changed = false;
    const seen = codesUnder(root, new Set(b.unusedDecls.filter((d) => !kept.has(d.decl)).map((d) => d.decl)));
    for (const { local, decl } of b.unusedDecls)
      if (!kept.has(decl) && seen.has(local.code)) {
        kept.add(decl);
        changed = true;
      }
  }
  for (const { decl } of b.unusedDecls) if (!kept.has(decl)) blank(decl);
}
function codesUnder(root: Code, skip: ReadonlySet<Code>): Set<Code> {
  const seen = new Set<Code>();
  const stack = [root];
  while (stack.length) {
    const c = stack.pop()!;
    if (seen.has(c) || skip.has(c)) continue;
    seen.add(c);
    for (const p of c.parts) if (p instanceof Code) stack.push(p);
  }
  return seen;
}

/** A value no statement can change: a primitive, or an anonymous object (read-only members) of primitives. */
function immutableValue(v: unknown, t: Type): boolean {
  if (v === null || typeof v !== "object") return true;
  return t.k === "named" && t.def.name.startsWith("<anonymous") && Object.values(v).every((x) => x === null || typeof x !== "object");
}

export function foreachStmt(b: Binder, s: Stmt & { k: "foreach" }): Code {
  const coll = b.expr(s.expr);
  const elem = elementType(coll.type);
  if (!elem) b.err(Codes.CSharpTypeMismatch, s.expr.pos, `foreach statement cannot operate on variables of type '${typeName(coll.type)}' because it has no public GetEnumerator method.`);
  b.pushScope();
  const declared = s.type ? b.resolveType(s.type) : elem;
  const local = b.declareLocal(s.name, declared, s.namePos);
  local.readonly = true;
  const src = js`${rt("foreachSeq")}(${coll.code})`;
  b.enterLoop();
  const body = b.embedded(s.body);
  b.leaveLoop();
  b.popScope();
  // (a ReadOnlyCollection<T> walks the list it wraps with that list's enumerator)
  if ((isNamed(coll.type, "List") || isNamed(coll.type, "ReadOnlyCollection")) && elem) {
    // A List<T> (a JS array) walked by index, as List<T>.Enumerator does: a change of the list inside
    // the loop (its `$v` version, runtime bumpVersion; or its length) throws InvalidOperationException
    // at the next step, the last one included.
    const [a, i, n, v] = [b.temp(), b.temp(), b.temp(), b.temp()];
    const same = sameType(declared, elem) || implicitCost(b, { type: elem, code: js``, pos: 0 }, declared) === 0;
    const item = js`${a}[${i}]`;
    const value = same ? item : cast(b, { type: elem, code: item, pos: s.pos }, declared, s.pos, s.pos).code;
    return js`for (${a} = ${coll.code}, ${i} = 0, ${n} = ${a}.length, ${v} = ${a}.$v; ; ${i}++) ${loopBody(js`if (${a}.$v !== ${v} || ${a}.length !== ${n}) throw ${rt("collectionModified")}(); if (${i} >= ${n}) break; const ${local.code} = ${value}; ${body}`)} `;
  }
  if (sameType(declared, elem) || implicitCost(b, { type: elem, code: js``, pos: 0 }, declared) === 0) return js`for (const ${local.code} of ${src}) ${loopBody(body)} `;
  const tmp = b.temp();
  const conv = cast(b, { type: elem, code: tmp, pos: s.pos }, declared, s.pos, s.pos);
  return js`for (${tmp} of ${src}) ${loopBody(braced(js`const ${local.code} = ${conv.code}; ${body}`))} `;
}

/**
 * Every loop iteration spends from the request's expression budget (runtime loopCheck): a
 * `while (true)` in a policy cannot stall the gateway. The check itself runs every 4,096 iterations.
 */
export function loopBody(body: Code): Code {
  return braced(js`if ((--ctx.$loops & 4095) === 0) ${rt("loopCheck")}(ctx); ${body}`);
}

export function switchStmt(b: Binder, s: Stmt & { k: "switch" }): Code {
  const x = b.expr(s.expr);
  const gov = underlyingNullable(x.type);
  if (!(isNumeric(gov) || isNamed(gov, "string") || isNamed(gov, "bool") || isEnum(gov)))
    b.err(Codes.CSharpNotSupported, s.expr.pos, `switch on a value of type '${typeName(x.type)}' is not supported.`);
  b.enterSwitch();
  let out = js``;
  // decimal cases are constants: compare their values as doubles
  const scrutinee = isDecimal(gov) ? js`${rt("unboxJson")}(${x.code})` : x.code;
  for (const sec of s.sections) {
    for (const label of sec.labels) {
      if (label === null) out = js`${out}default: `;
      else {
        const c = b.convert(b.expr(label), x.type, label.pos);
        if (c.cv === undefined) b.err(Codes.CSharpTypeMismatch, label.pos, `A constant value is expected.${secretIn(label)}`);
        // (a long beyond 2^53 is a BigInt at run time: so is its label)
        out = js`${out}case ${literal(c.cv.big ?? c.cv.v)}: `;
      }
    }
    b.pushScope();
    const body = b.block(sec.body, false);
    b.popScope();
    if (canComplete(sec.body)) b.err(Codes.CSharpSyntax, sec.pos, "Control cannot fall through from one case label to another.");
    out = js`${out}{ ${body}} `;
  }
  b.leaveSwitch();
  return js`switch (${scrutinee}) { ${out}} `;
}

export function isExceptionType(t: Type): boolean {
  return t.k === "named" && (t.def.name === "Exception" || derivesFrom(t, named("Exception")));
}

export function tryStmt(b: Binder, s: Stmt & { k: "try" }): Code {
  const body = b.block(s.body.stmts);
  let out = js`try { ${body}}`;
  if (s.catches.length) {
    const raw = b.scope.names.fresh("e");
    const ex = b.scope.names.fresh("ex");
    let chain = js``;
    let catchAll = false;
    for (const c of s.catches) {
      const type = c.type ? b.resolveType(c.type) : named("Exception");
      if (!isExceptionType(type)) b.err(Codes.CSharpTypeMismatch, c.type!.pos, "The type caught or thrown must be derived from System.Exception.");
      b.pushScope();
      let bind = js``;
      if (c.name) {
        const l = b.declareLocal(c.name, type, c.pos);
        bind = js`const ${l.code} = ${ex}; `;
      }
      const filter = c.filter ? b.convert(b.expr(c.filter), named("bool"), c.filter.pos) : null;
      const cbody = b.withCatchVar(raw, () => b.block(c.body.stmts));
      b.popScope();
      const full = exceptionFullName(type);
      let test = full === "System.Exception" ? js`true` : js`${rt("isException")}(${ex}, ${full})`;
      if (filter) test = js`(${test} && ${filterWithVar(c.name ? bind : null, filter.code)})`;
      if (full === "System.Exception" && !filter) catchAll = true;
      chain = js`${chain}${chain.isEmpty ? js`` : js` else `}if (${test}) { ${bind}${cbody}}`;
    }
    if (!catchAll) chain = js`${chain} else throw ${raw};`;
    out = js`${out} catch (${raw}) ${braced(js`const ${ex} = ${rt("toDotNetException")}(${raw}); ${chain}`)}`;
  }
  if (s.fin) out = js`${out} finally { ${b.block(s.fin.stmts)}}`;
  return js`${out} `;
}
function filterWithVar(bind: Code | null, filter: Code): Code {
  // `when` filters with a catch variable: evaluate in an arrow so the variable is in scope
  return bind ? js`(() => { ${bind}return ${filter}; })()` : filter;
}

function exceptionFullName(t: Type): string {
  if (t.k !== "named") return "System.Exception";
  return `${t.def.ns}.${t.def.name}`;
}

/** Whether the end of a statement list is reachable (C# definite-return check, conservative). */
export function canComplete(stmts: Stmt[]): boolean {
  for (const s of stmts) if (!stmtCanComplete(s)) return false;
  return true;
}
function isTrue(e: Expr): boolean {
  return e.k === "lit" && e.value === true;
}
function hasBreak(s: Stmt, depth = 0): boolean {
  switch (s.k) {
    case "break":
      return depth === 0;
    case "block":
      return s.stmts.some((x) => hasBreak(x, depth));
    case "if":
      return hasBreak(s.then, depth) || (s.else ? hasBreak(s.else, depth) : false);
    case "using":
      return hasBreak(s.body, depth);
    case "try":
      return hasBreak(s.body, depth) || s.catches.some((c) => hasBreak(c.body, depth)) || (s.fin ? hasBreak(s.fin, depth) : false);
    case "while":
    case "do":
    case "for":
    case "foreach":
    case "switch":
      return false;
    default:
      return false;
  }
}
function stmtCanComplete(s: Stmt): boolean {
  switch (s.k) {
    case "return":
    case "throw":
    case "break":
    case "continue":
      return false;
    case "block":
      return canComplete(s.stmts);
    case "using":
      return stmtCanComplete(s.body);
    case "if":
      return !s.else || stmtCanComplete(s.then) || stmtCanComplete(s.else);
    case "while":
      return !isTrue(s.test) || hasBreak(s.body);
    case "do":
      return stmtCanComplete(s.body) ? !isTrue(s.test) || hasBreak(s.body) : hasBreak(s.body);
    case "for":
      return (s.test !== null && !isTrue(s.test)) || hasBreak(s.body);
    case "switch": {
      const hasDefault = s.sections.some((x) => x.labels.includes(null));
      if (!hasDefault) return true;
      return s.sections.some((x) => x.body.some((y) => hasBreak(y)));
    }
    case "try": {
      if (s.fin && !canComplete(s.fin.stmts)) return false;
      return canComplete(s.body.stmts) || s.catches.some((c) => canComplete(c.body.stmts));
    }
    default:
      return true;
  }
}

/** For "constant expected" errors: a string with a secret named value is not a constant; the marker is quoted (the diagnostic names the value). */
function secretIn(e: unknown): string {
  const m = /\uE0F0\d+Q?\uE0F1/.exec(JSON.stringify(e ?? null, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? "");
  return m ? ` '${m[0]}' is not one.` : "";
}
