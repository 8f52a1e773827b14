// Secret named values in generated code: every string literal (or template part) holding a secret
// marker becomes a concatenation with a module-level constant read when the module loads
// (`const SECRET = secretNamedValue("name")`). A marker anywhere else (a regular expression, a
// number, code) cannot be resolved: it is reported, and the module is not written.
import * as acorn from "acorn";
import { jsonString, type NameAllocator } from "./code.js";
import { SECRET_CLOSE, SECRET_OPEN, type SecretRefs } from "../named-values.js";

type AnyNode = acorn.Node & Record<string, any>;

export interface ResolvedSecrets {
  text: string;
  /** `const X = secretNamedValue("name")` declarations (one line, no line break). */
  decls: string;
  /** References (indices in SecretRefs) whose marker is not inside a string: a diagnostic each. */
  unresolved: number[];
}

export function resolveSecretMarkers(body: string, format: "esm" | "function", refs: SecretRefs, names: NameAllocator): ResolvedSecrets {
  const marker = new RegExp(`${SECRET_OPEN}(\\d+)${refs.variant ? "Q" : ""}${SECRET_CLOSE}`, "g");
  const unresolved = new Set<number>();
  const strayIn = (text: string) => {
    // A marker not in its whole form (encoded, case-mapped, cut): which reference is unknown.
    for (const m of text.matchAll(/\uE0F0(\d+)/g)) unresolved.add(Number(m[1]));
    if (text.includes(SECRET_OPEN) || text.includes(SECRET_CLOSE)) unresolved.add(-1);
  };
  let ast: AnyNode;
  try {
    ast = acorn.parse(body, { ecmaVersion: 2022, sourceType: format === "esm" ? "module" : "script", allowReturnOutsideFunction: true, ranges: false }) as AnyNode;
  } catch {
    // Not parsable: verification reports it; the markers are unresolved.
    strayIn(body);
    return { text: body, decls: "", unresolved: [...unresolved] };
  }
  const byName = new Map<string, string>();
  const variable = (i: number): string | null => {
    const ref = refs.refs[i];
    if (!ref) return null;
    let v = byName.get(ref.name);
    if (!v) {
      v = names.fresh(`SECRET_${ref.name}`).toString();
      byName.set(ref.name, v);
    }
    return v;
  };
  /** The JS expression for a string value with markers: its pieces joined with `+`. */
  const concat = (value: string): string => {
    const pieces: string[] = [];
    let last = 0;
    for (const m of value.matchAll(marker)) {
      const v = variable(Number(m[1]));
      if (!v) continue;
      if (m.index! > last) pieces.push(jsonString(value.slice(last, m.index)));
      pieces.push(v);
      last = m.index! + m[0].length;
    }
    if (last < value.length) pieces.push(jsonString(value.slice(last)));
    const rest = pieces.filter((p) => p.startsWith('"')).join("");
    strayIn(rest);
    return pieces.length === 1 && !pieces[0]!.startsWith('"') ? pieces[0]! : `(${pieces.length ? pieces.join(" + ") : '""'})`;
  };
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: AnyNode, parent: AnyNode | null): void => {
    if (node.type === "Literal") {
      if (node.regex) {
        if (node.regex.pattern.includes(SECRET_OPEN) || node.regex.pattern.includes(SECRET_CLOSE)) strayIn(node.regex.pattern);
      } else if (typeof node.value === "string" && (node.value.includes(SECRET_OPEN) || node.value.includes(SECRET_CLOSE))) {
        const expr = concat(node.value);
        const isKey = parent && (parent.type === "Property" || parent.type === "PropertyDefinition" || parent.type === "MethodDefinition") && parent.key === node && !parent.computed;
        edits.push({ start: node.start, end: node.end, text: isKey ? `[${expr}]` : expr });
      }
      return;
    }
    if (node.type === "TemplateElement") {
      const cooked: string | null = node.value.cooked;
      if (cooked !== null && (cooked.includes(SECRET_OPEN) || cooked.includes(SECRET_CLOSE))) {
        // Rebuilt from the cooked text: `${X}` at each marker, the rest escaped for a template.
        let out = "";
        let last = 0;
        // Line breaks escaped too: the module keeps its line count (source maps are by line).
        const esc = (s: string) => s.replace(/[\\`\n\r\u2028\u2029]|\$\{/g, (c) => (c.length === 2 || c === "\\" || c === "`" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
        for (const m of cooked.matchAll(marker)) {
          const v = variable(Number(m[1]));
          if (!v) continue;
          out += esc(cooked.slice(last, m.index)) + "${" + v + "}";
          last = m.index! + m[0].length;
        }
        const tail = cooked.slice(last);
        strayIn(tail);
        edits.push({ start: node.start, end: node.end, text: out + esc(tail) });
      }
      return;
    }
    for (const key of Object.keys(node)) {
      if (key === "type" || key === "start" || key === "end") continue;
      const child = node[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c.type === "string") visit(c, node);
      } else if (child && typeof child.type === "string") visit(child, node);
    }
  };
  visit(ast, null);
  edits.sort((a, b) => a.start - b.start);
  let text = "";
  let at = 0;
  for (const e of edits) {
    text += body.slice(at, e.start) + e.text;
    at = e.end;
  }
  text += body.slice(at);
  // Left over: a marker in a comment, an identifier position or a regular expression.
  strayIn(text);
  const decls = [...byName].map(([name, v]) => `const ${v} = secretNamedValue(${jsonString(name)});`).join(" ");
  return { text, decls, unresolved: [...unresolved] };
}
