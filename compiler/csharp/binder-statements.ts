// Binding statements: blocks and scopes, declarations, control flow (if/loops/switch/try), return
// types of lambdas and blocks, local functions.
import * as L from "./lower.js";
import * as LS from "./lower-statements.js";
import { Code, js, rt, braced } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { Expr, Stmt } from "./ast.js";
import { named, type Type, typeName, VOID } from "./types.js";
import { joinCodes } from "./lower.js";
import { Binder, type ReturnConverter } from "./binder.js";

/** Binds a list of statements in a new scope; returns the JS statements. */
Binder.prototype.block = function (this: Binder, stmts: Stmt[], newScope = true): Code {
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
};

Binder.prototype.setReturnType = function (this: Binder, t: Type | null | ReturnConverter): void {
  this.returnTypes.push(t);
  this.returnSeen.push([]);
};

Binder.prototype.stmt = function (this: Binder, s: Stmt): Code {
  switch (s.k) {
    case "block": {
      if (s.checked === undefined) return js`${braced(this.block(s.stmts))} `;
      const saved = this.checkedCtx;
      this.checkedCtx = s.checked;
      try {
        return js`${braced(this.block(s.stmts))} `;
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
        head = LS.localDecl(this, s.decl);
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
      return js`${braced(js`${head}try ${body} finally ${braced(fin)}`)} `;
    }
    case "expr": {
      const e = s.expr;
      if (!["call", "assign", "postfix", "new"].includes(e.k) && !(e.k === "unary" && (e.op === "++" || e.op === "--")))
        this.err(Codes.CSharpSyntax, s.pos, "Only assignment, call, increment, decrement, and new object expressions can be used as a statement.");
      const b = this.expr(e);
      return js`${b.code}; `;
    }
    case "local":
      return LS.localDecl(this, s);
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
      return js`while (${test.code}) ${LS.loopBody(body)} `;
    }
    case "do": {
      this.loopDepth++;
      const body = this.embedded(s.body);
      this.loopDepth--;
      const test = this.convert(this.expr(s.test), named("bool"), s.test.pos);
      return js`do ${LS.loopBody(body)} while (${test.code}); `;
    }
    case "for": {
      this.pushScope();
      // C#: the for-loop variable is ONE variable shared by all iterations (closures see its last
      // value), unlike JS `for (let ...)`, so it is declared before the loop.
      const decl = s.init?.k === "local" ? LS.localDecl(this, s.init) : null;
      const init = s.init && !decl ? js`${this.forInitExprs(s.init)}` : js``;
      const test = s.test ? this.convert(this.expr(s.test), named("bool"), s.test.pos).code : js``;
      const upd = joinCodes(s.update.map((u) => this.expr(u).code));
      this.loopDepth++;
      const body = this.embedded(s.body);
      this.loopDepth--;
      this.popScope();
      if (decl) return js`{ ${decl}for (; ${test}; ${upd}) ${LS.loopBody(body)} } `;
      return js`for (${init}; ${test}; ${upd}) ${LS.loopBody(body)} `;
    }
    case "foreach":
      return LS.foreachStmt(this, s);
    case "switch":
      return LS.switchStmt(this, s);
    case "try":
      return LS.tryStmt(this, s);
    case "throw": {
      if (!s.expr) {
        if (!this.catchVar) this.err(Codes.CSharpSyntax, s.pos, "A throw statement with no arguments is not allowed outside of a catch clause.");
        return js`throw ${this.catchVar}; `;
      }
      const ex = this.expr(s.expr);
      if (!LS.isExceptionType(ex.type) && ex.type.k !== "null")
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
};

Binder.prototype.localFunction = function (this: Binder, s: Stmt & { k: "localFunc" }): Code {
  const l = this.lookupLocal(s.name)!;
  const fn = l.fn!;
  return this.inNestedFunction(true, () => {
    this.setReturnType(fn.ret.k === "void" ? null : fn.ret);
    try {
      const params = s.params.map((p, i) => this.declareLocal(p.name, fn.params[i]!, p.pos));
      let body: Code;
      if ((s.body as Stmt).k === "block") {
        const b = s.body as Stmt & { k: "block" };
        body = this.block(b.stmts, false);
        if (fn.ret.k !== "void" && LS.canComplete(b.stmts)) this.err(Codes.CSharpMissingReturn, s.namePos, `'${s.name}': not all code paths return a value.`);
      } else {
        const e = this.expr(s.body as Expr);
        body = fn.ret.k === "void" ? js`${e.code}; ` : js`return ${this.convert(e, fn.ret, (s.body as Expr).pos).code}; `;
      }
      const temps = this.frameTemps;
      return js`function ${l.code}(${joinCodes(params.map((p) => p.code))}) { ${L.tempDecl(temps)}${body}} `;
    } finally {
      this.returnTypes.pop();
      this.returnSeen.pop();
    }
  });
};

Binder.prototype.forInitExprs = function (this: Binder, s: Stmt): Code {
  if (s.k === "expr") return this.expr(s.expr).code;
  if (s.k === "block") return joinCodes(s.stmts.map((x) => this.forInitExprs(x)));
  return js``;
};

Binder.prototype.embedded = function (this: Binder, s: Stmt): Code {
  if (s.k === "local") this.err(Codes.CSharpSyntax, s.pos, "Embedded statement cannot be a declaration.");
  if (s.k === "block") return braced(this.block(s.stmts));
  this.pushScope();
  const c = this.stmt(s);
  this.popScope();
  return js`{ ${c}}`;
};

Binder.prototype.withCatchVar = function <T>(this: Binder, v: Code, f: () => T): T {
  const saved = this.catchVar;
  this.catchVar = v;
  try {
    return f();
  } finally {
    this.catchVar = saved;
  }
};
