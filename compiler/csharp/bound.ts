// What binding produces (BExpr: a typed expression and its JS code; Local) and what lowering may ask
// of the binder (LowerBinder). Types only: binder.ts and lower.ts both import it.
import type { Code } from "../codegen/code.js";
import type { ModuleScope } from "../codegen/scope.js";
import type { DiagnosticCode } from "../diagnostics.js";
import type { Arg, Expr, Stmt, TypeNode } from "./ast.js";
import type { BoxKind, ConstValue, Type } from "./types.js";

export interface Local {
  name: string;
  type: Type;
  code: Code;
  isConst?: boolean;
  cv?: ConstValue;
  readonly?: boolean;
  /** A local function: its signature (the local's code is the JS function's name). */
  fn?: { params: Type[]; ret: Type };
}

export interface CondWrap {
  t: Code;
  recv: Code;
}

export interface BExpr {
  type: Type;
  code: Code;
  pos: number;
  /** Compile-time constant. */
  cv?: ConstValue;
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
  /**
   * Indexers: for `x[i] += v` and `x[i]++`, the receiver and index evaluated once (`pre`, into temps),
   * then read (`get`) and written (`set`) through them.
   */
  readModifyWrite?: (temp: () => Code) => { pre: Code | null; get: Code; set: (value: Code) => Code };
  /** Open `?.` guards of this access chain. */
  conds?: CondWrap[];
  /** Pure: evaluating twice has no effect (locals, constants, ctx). */
  pure?: boolean;
  /** A boxing conversion's result: a new object, so no other reference is to it (see BoxKind). */
  freshBox?: BoxKind;
}

export type ReturnConverter = (e: BExpr, pos: number) => BExpr;

/**
 * What lowering (lower.ts) may ask of the binder that calls it: binding sub-expressions and statements,
 * conversions, temps, scopes and diagnostics. The Binder implements it; lower.ts depends on this
 * interface, not on binder.ts, so the two do not import each other.
 */
export interface LowerBinder {
  readonly scope: ModuleScope;
  checkedCtx: boolean | null;
  readonly frameTemps: Code[];
  /** Names assigned anywhere in the expression: a local of these never carries a folded value. */
  readonly assignedNames: ReadonlySet<string>;
  /** Declarations without effects, dropped when their local is never used (`dropUnusedDecls`). */
  readonly unusedDecls: { local: Local; decl: Code }[];
  err(code: DiagnosticCode, pos: number, msg: string): never;
  expr(e: Expr): BExpr;
  raw(e: Expr): BExpr;
  value(b: BExpr, pos: number): BExpr;
  close(b: BExpr): BExpr;
  convert(b: BExpr, to: Type, pos: number): BExpr;
  temp(): Code;
  declareLocal(name: string, type: Type, pos: number): Local;
  resolveType(t: TypeNode): Type;
  pushScope(): void;
  popScope(): void;
  block(stmts: Stmt[], newScope?: boolean): Code;
  embedded(s: Stmt): Code;
  enterLoop(): void;
  leaveLoop(): void;
  enterSwitch(): void;
  leaveSwitch(): void;
  withCatchVar<T>(v: Code, f: () => T): T;
  bindAdd(recvType: Type, recvCode: Code, args: Expr[], pos: number): Code;
  bindIndexSet(recvType: Type, recvCode: Code, index: Arg[], value: Expr, pos: number): Code;
  bindMemberSet(recvType: Type, recvCode: Code, name: string, value: Expr, pos: number): Code;
}
