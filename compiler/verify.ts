// Every emitted module is parsed with acorn and its free identifiers are checked against its
// imports and a short list of safe globals. A failure is a compiler bug: the module is not written.
import * as acorn from "acorn";

/** Globals generated code may use; nothing that reaches the process, the file system or eval. */
export const SAFE_GLOBALS: ReadonlySet<string> = new Set([
  "Math", "String", "Number", "Boolean", "Array", "Object", "JSON", "Map", "Set", "Symbol", "BigInt", "Error", "TypeError",
  "RangeError", "Promise", "Date", "Uint8Array", "undefined", "NaN", "Infinity", "isNaN", "isFinite", "parseInt", "parseFloat",
]);

export interface VerifyResult {
  ok: boolean;
  errors: string[];
}

type AnyNode = acorn.Node & Record<string, any>;

/** Verifies emitted code in either output format (a "function" body is checked as the function it becomes). */
export function verifyEmitted(code: string, format: "esm" | "function" | undefined): VerifyResult {
  return format === "function" ? verifyModule(`(function (rt) {\n${code}\n});`, "script") : verifyModule(code);
}

export function verifyModule(code: string, sourceType: "module" | "script" = "module"): VerifyResult {
  let ast: AnyNode;
  try {
    ast = acorn.parse(code, { ecmaVersion: 2022, sourceType }) as AnyNode;
  } catch (e) {
    return { ok: false, errors: [`does not parse: ${(e as Error).message}`] };
  }
  const declared = new Set<string>();
  const referenced: { name: string; pos: number }[] = [];
  const errors: string[] = [];

  const declarePattern = (p: AnyNode | null): void => {
    if (!p) return;
    switch (p.type) {
      case "Identifier":
        declared.add(p.name);
        break;
      case "ObjectPattern":
        for (const prop of p.properties) declarePattern(prop.type === "RestElement" ? prop.argument : prop.value);
        break;
      case "ArrayPattern":
        for (const el of p.elements) declarePattern(el);
        break;
      case "RestElement":
        declarePattern(p.argument);
        break;
      case "AssignmentPattern":
        declarePattern(p.left);
        walk(p.right);
        break;
    }
  };

  const walk = (node: AnyNode | null | undefined): void => {
    if (!node || typeof node.type !== "string") return;
    switch (node.type) {
      case "ImportDeclaration":
        for (const s of node.specifiers) declared.add(s.local.name);
        return;
      case "Identifier":
        referenced.push({ name: node.name, pos: node.start });
        return;
      case "MemberExpression":
        walk(node.object);
        if (node.computed) walk(node.property);
        return;
      case "Property":
        if (node.computed) walk(node.key);
        walk(node.value);
        return;
      case "VariableDeclarator":
        declarePattern(node.id);
        walk(node.init);
        return;
      case "FunctionDeclaration":
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        if (node.id) declared.add(node.id.name);
        for (const p of node.params) declarePattern(p);
        walk(node.body);
        return;
      case "CatchClause":
        declarePattern(node.param);
        walk(node.body);
        return;
      case "LabeledStatement":
        walk(node.body);
        return;
      case "BreakStatement":
      case "ContinueStatement":
        return;
      case "ExportNamedDeclaration":
        walk(node.declaration);
        return;
      case "ExportDefaultDeclaration":
        walk(node.declaration);
        return;
      case "ClassDeclaration":
      case "ClassExpression":
      case "ImportExpression":
      case "MetaProperty":
      case "WithStatement":
      case "DebuggerStatement":
        errors.push(`${node.type} is never generated (at ${node.start})`);
        return;
    }
    for (const key of Object.keys(node)) {
      if (key === "type" || key === "start" || key === "end" || key === "loc" || key === "range") continue;
      const v = node[key];
      if (Array.isArray(v)) for (const c of v) walk(c);
      else if (v && typeof v === "object" && typeof v.type === "string") walk(v);
    }
  };
  walk(ast);
  for (const r of referenced) {
    if (!declared.has(r.name) && !SAFE_GLOBALS.has(r.name)) errors.push(`free identifier '${r.name}' (at ${r.pos})`);
  }
  return { ok: errors.length === 0, errors };
}
