// Syntax tree of the C# 7 subset. Every node has `pos`: an index into the expression source.

export type TypeNode =
  | { k: "tname"; pos: number; parts: { name: string; args: TypeNode[] }[] }
  | { k: "tarray"; pos: number; elem: TypeNode }
  | { k: "tnullable"; pos: number; inner: TypeNode };

export type LitType = "int" | "uint" | "long" | "ulong" | "float" | "double" | "decimal" | "bool" | "string" | "char" | "null";

export interface Arg {
  pos: number;
  kind: "val" | "out" | "ref";
  expr: Expr;
  /** `out var x` / `out T x`: declares a local. */
  outDecl?: { type: TypeNode | null; name: string; pos: number };
  name?: string;
}

export type InterpPart = string | { expr: Expr; align?: Expr; format?: string; pos: number };

export type Initializer =
  | { k: "collection"; items: Expr[][] } // `{ a, { k, v } }`
  | { k: "object"; members: { pos: number; name?: string; index?: Arg[]; value: Expr | Initializer }[] };

export type Expr =
  | { k: "lit"; pos: number; end: number; type: LitType; value: string | number | bigint | boolean | null; /** decimal literals: the digits as written ("1.10") */ text?: string }
  | { k: "interp"; pos: number; end: number; parts: InterpPart[] }
  | { k: "name"; pos: number; end: number; name: string; typeArgs?: TypeNode[] }
  | { k: "ptype"; pos: number; end: number; name: string } // predefined type keyword used as an expression: string.Join
  | { k: "member"; pos: number; end: number; target: Expr; name: string; namePos: number; typeArgs?: TypeNode[]; cond: boolean }
  | { k: "call"; pos: number; end: number; target: Expr; args: Arg[] }
  | { k: "index"; pos: number; end: number; target: Expr; args: Arg[]; cond: boolean }
  | { k: "unary"; pos: number; end: number; op: string; operand: Expr }
  | { k: "postfix"; pos: number; end: number; op: string; operand: Expr }
  | { k: "binary"; pos: number; end: number; op: string; opPos: number; left: Expr; right: Expr }
  | { k: "cond"; pos: number; end: number; test: Expr; then: Expr; else: Expr }
  | { k: "assign"; pos: number; end: number; op: string; opPos: number; target: Expr; value: Expr }
  | { k: "cast"; pos: number; end: number; type: TypeNode; expr: Expr }
  | { k: "is"; pos: number; end: number; expr: Expr; type: TypeNode | null; constant?: Expr; designation?: string; desPos?: number }
  | { k: "as"; pos: number; end: number; expr: Expr; type: TypeNode }
  | { k: "lambda"; pos: number; end: number; params: { name: string; type?: TypeNode; pos: number }[]; body: Expr | Stmt }
  | { k: "new"; pos: number; end: number; type: TypeNode; args: Arg[] | null; init?: Initializer }
  | { k: "newArray"; pos: number; end: number; elem: TypeNode | null; sizes: Expr[]; init?: Expr[] }
  | { k: "newAnon"; pos: number; end: number; members: { name: string; value: Expr; pos: number }[] }
  | { k: "typeof"; pos: number; end: number; type: TypeNode }
  | { k: "default"; pos: number; end: number; type: TypeNode | null }
  | { k: "paren"; pos: number; end: number; expr: Expr }
  | { k: "throwExpr"; pos: number; end: number; expr: Expr }
  | { k: "checked"; pos: number; end: number; checked: boolean; expr: Expr };

export interface CatchClause {
  pos: number;
  type: TypeNode | null;
  name: string | null;
  filter: Expr | null;
  body: Stmt & { k: "block" };
}

export type Stmt =
  /** `checked { }` / `unchecked { }` set `checked`; a plain block leaves it undefined. */
  | { k: "block"; pos: number; stmts: Stmt[]; checked?: boolean }
  | { k: "local"; pos: number; type: TypeNode | null; decls: { name: string; pos: number; init: Expr | null }[]; isConst: boolean }
  | { k: "expr"; pos: number; expr: Expr }
  | { k: "if"; pos: number; test: Expr; then: Stmt; else: Stmt | null }
  | { k: "while"; pos: number; test: Expr; body: Stmt }
  | { k: "do"; pos: number; test: Expr; body: Stmt }
  | { k: "for"; pos: number; init: Stmt | null; test: Expr | null; update: Expr[]; body: Stmt }
  | { k: "foreach"; pos: number; type: TypeNode | null; name: string; namePos: number; expr: Expr; body: Stmt }
  | { k: "switch"; pos: number; expr: Expr; sections: { pos: number; labels: (Expr | null)[]; body: Stmt[] }[] }
  | { k: "try"; pos: number; body: Stmt & { k: "block" }; catches: CatchClause[]; fin: (Stmt & { k: "block" }) | null }
  | { k: "throw"; pos: number; expr: Expr | null }
  | { k: "return"; pos: number; expr: Expr | null }
  | { k: "break"; pos: number }
  | { k: "continue"; pos: number }
  | { k: "empty"; pos: number }
  | { k: "using"; pos: number; decl: (Stmt & { k: "local" }) | null; expr: Expr | null; body: Stmt }
  | {
      k: "localFunc";
      pos: number;
      name: string;
      namePos: number;
      /** null = void */
      ret: TypeNode | null;
      params: { name: string; type: TypeNode; pos: number }[];
      body: (Stmt & { k: "block" }) | Expr;
    };

export function typeNodeText(t: TypeNode): string {
  switch (t.k) {
    case "tname":
      return t.parts.map((p) => (p.args.length ? `${p.name}<${p.args.map(typeNodeText).join(", ")}>` : p.name)).join(".");
    case "tarray":
      return `${typeNodeText(t.elem)}[]`;
    case "tnullable":
      return `${typeNodeText(t.inner)}?`;
  }
}
