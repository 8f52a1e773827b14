// Named values `{{name}}`: text substitution into raw values before expressions are compiled
// (single pass, not recursive). A literal that becomes `@(...)` after substitution is an
// expression, as in APIM. Without a named-values table, `{{name}}` stays as written and a warning
// says so once per name (useful for `apimc check` on documents from elsewhere).
import { Codes, type DiagnosticBag } from "./diagnostics.js";
import type { XElement, XValue } from "./xml/parse.js";

const REF = /\{\{([A-Za-z0-9._-]+)\}\}/g;

export function substituteNamedValues(root: XElement, values: Readonly<Record<string, string>> | undefined, diags: DiagnosticBag, checkOnly = false): void {
  const warned = new Set<string>();
  // Inside a Liquid template `{{ x }}` is Liquid's own syntax: only names that are named values are substituted.
  let liquid = false;
  const resolve = (name: string, offset: number): string | null => {
    if (liquid && (values === undefined || !Object.prototype.hasOwnProperty.call(values, name))) return null;
    if (values === undefined) {
      if (!warned.has(name)) {
        warned.add(name);
        // Checking a document from elsewhere: say so and go on. Generating code: the value is needed.
        if (checkOnly) diags.warning(Codes.UnknownNamedValue, offset, `Named value '{{${name}}}' has no value here (pass --named-values to check it); it is left as written.`);
        else diags.error(Codes.UnknownNamedValue, offset, `Named value '{{${name}}}' has no value: pass the named values (--named-values nv.json, or the namedValues option).`);
      }
      return null;
    }
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      diags.error(Codes.UnknownNamedValue, offset, `Named value '{{${name}}}' does not exist; add it to the named values.`);
      return null;
    }
    return values[name]!;
  };
  const fix = (v: XValue): XValue => {
    if (v.kind === "literal") {
      if (!v.text.includes("{{")) return v;
      const base = v.offset;
      let text = "";
      const offsets: number[] = [];
      let last = 0;
      for (const m of v.text.matchAll(REF)) {
        const at = m.index!;
        for (let i = last; i < at; i++) (text += v.text[i]), offsets.push(base + i);
        const val = resolve(m[1]!, base + at);
        const rep = val ?? m[0];
        for (let i = 0; i < rep.length; i++) (text += rep[i]), offsets.push(base + at);
        last = at + m[0].length;
      }
      for (let i = last; i < v.text.length; i++) (text += v.text[i]), offsets.push(base + i);
      const t = text.trimStart();
      if (t.startsWith("@(") || t.startsWith("@{")) {
        const lead = text.length - t.length;
        const src = t.trimEnd();
        return { kind: "expr", source: src, offsets: offsets.slice(lead, lead + src.length), offset: offsets[lead]! };
      }
      return { kind: "literal", text, offset: v.offset };
    }
    if (!v.source.includes("{{")) return v;
    let source = "";
    const offsets: number[] = [];
    let last = 0;
    for (const m of v.source.matchAll(REF)) {
      const at = m.index!;
      for (let i = last; i < at; i++) (source += v.source[i]), offsets.push(v.offsets[i]!);
      const val = resolve(m[1]!, v.offsets[at]!);
      const rep = val ?? m[0];
      for (let i = 0; i < rep.length; i++) (source += rep[i]), offsets.push(v.offsets[at]!);
      last = at + m[0].length;
    }
    for (let i = last; i < v.source.length; i++) (source += v.source[i]), offsets.push(v.offsets[i]!);
    return { kind: "expr", source, offsets, offset: v.offset };
  };
  const visit = (el: XElement): void => {
    for (const a of el.attrs) a.value = fix(a.value);
    const template = el.name === "set-body" ? el.attrs.find((a) => a.name === "template")?.value : undefined;
    const wasLiquid = liquid;
    liquid = template?.kind === "literal" && template.text.trim() === "liquid";
    for (const c of el.children) {
      if (c.kind === "element") visit(c);
      else c.value = fix(c.value);
    }
    liquid = wasLiquid;
  };
  visit(root);
}
