// Named values `{{name}}`: text substitution into raw values before expressions are compiled
// (single pass, not recursive). A literal that becomes `@(...)` after substitution is an
// expression, as in APIM. Without a named-values table, `{{name}}` stays as written and a warning
// says so once per name (useful for `apimc check` on documents from elsewhere).
//
// A named value marked secret is not substituted: its reference becomes a marker (private-use
// characters around a number, see SecretRefs) that the module builder turns into a variable read
// when the module loads (secret-markers.ts). Where the marker cannot stay text (C# code, a value
// the compiler needs while compiling) a diagnostic says so and names the value, never its text.
import { Codes, InternalCompilerError, type Diagnostic, type DiagnosticBag } from "./diagnostics.js";
import type { XElement, XValue } from "./xml/parse.js";
import { normalizeNamedValues, type NamedValueInput, type NamedValueTable } from "../runtime/named-values.js";

export type { NamedValueInput, NamedValueTable };
export { normalizeNamedValues };

const REF = /\{\{([A-Za-z0-9._-]+)\}\}/g;

export const SECRET_OPEN = "\uE0F0";
export const SECRET_CLOSE = "\uE0F1";
/** A marker of either variant (`Q` is the second variant's; see SecretRefs). */
export const SECRET_MARKER = /\uE0F0(\d+)(Q?)\uE0F1/g;

/** Where a secret named value is referenced (one entry per reference). */
export interface SecretRef {
  name: string;
  file: string;
  offset: number;
}

/**
 * The secret references of one build, numbered. A module is compiled twice with the two marker
 * variants (`\uE0F0<n>\uE0F1` and `\uE0F0<n>Q\uE0F1`: another length, and a letter that case
 * mapping changes): when the two modules differ once markers are resolved, the compiler computed
 * something from a secret's text (encoded, measured, lower-cased it) and the module would be wrong.
 */
export class SecretRefs {
  readonly refs: SecretRef[] = [];
  private readonly byKey = new Map<string, number>();
  constructor(readonly variant: 0 | 1 = 0) {}
  marker(name: string, file: string, offset: number): string {
    const key = `${file}\0${offset}\0${name}`;
    let i = this.byKey.get(key);
    if (i === undefined) {
      i = this.refs.length;
      this.refs.push({ name, file, offset });
      this.byKey.set(key, i);
    }
    return `${SECRET_OPEN}${i}${this.variant ? "Q" : ""}${SECRET_CLOSE}`;
  }
}

/** True when `text` holds a secret marker (its value is known only when the module loads). */
export const hasSecretMarker = (text: string): boolean => text.includes(SECRET_OPEN);

/** Rewrites diagnostics that quote a marker: the name in its place and why a secret cannot be used there. */
export function explainSecretMarkers(diags: readonly Diagnostic[], refs: SecretRefs | undefined): void {
  if (!refs) return;
  for (const d of diags) {
    if (!d.message.includes(SECRET_OPEN) && !d.message.includes(SECRET_CLOSE)) continue;
    const names = new Set<string>();
    d.message = d.message.replace(/\uE0F0(\d+)Q?\uE0F1/g, (_, n: string) => {
      const name = refs.refs[Number(n)]?.name ?? "?";
      names.add(name);
      return `{{${name}}}`;
    });
    d.message = d.message.replace(/[\uE0F0\uE0F1]/g, "");
    d.message += ` (${[...names].map((n) => `'{{${n}}}'`).join(", ") || "A named value"} is marked secret: ${SECRET_USE}.)`;
  }
}

/** What a secret named value can be used as; said in every diagnostic about one. */
export const SECRET_USE =
  "a secret is read when the module loads, so it can only be text -- an attribute's or element's text, or inside a C# string literal -- not C# code or a value apimc needs while compiling";

export function substituteNamedValues(
  root: XElement,
  input: Readonly<Record<string, NamedValueInput>> | NamedValueTable | undefined,
  diags: DiagnosticBag,
  checkOnly = false,
  secretRefs?: SecretRefs,
): void {
  const table = input === undefined ? undefined : normalizeNamedValues(input);
  const values = table?.values;
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
    if (table!.secrets.has(name)) {
      if (!secretRefs) throw new InternalCompilerError("a secret named value substituted without a SecretRefs");
      return secretRefs.marker(name, diags.file, offset);
    }
    return values[name]!;
  };
  // The text the value would have with every secret inlined: whether it starts an expression.
  const realValue = (name: string) => (table?.secrets.has(name) ? table.values[name] ?? "" : "");
  // Which secret named values a value took text from: the trace masks what such a policy sets.
  const fix = (v: XValue): XValue => {
    const r = substitute(v);
    if (r !== v && table) {
      const names = [...(v.kind === "literal" ? v.text : v.source).matchAll(REF)].map((m) => m[1]!).filter((n) => table.secrets.has(n));
      if (names.length) r.secretNamedValues = names;
    }
    return r;
  };
  const substitute = (v: XValue): XValue => {
    const raw = v.kind === "literal" ? v.text : v.source;
    if (raw.includes(SECRET_OPEN) || raw.includes(SECRET_CLOSE))
      diags.error(Codes.SecretNamedValue, v.offset, "The characters U+E0F0 and U+E0F1 are reserved by apimc (they mark secret named values); write them as &#xE0F0; in an expression's string if you need them.");
    if (v.kind === "literal") {
      if (!v.text.includes("{{")) return v;
      const base = v.offset;
      let text = "";
      let real = "";
      const offsets: number[] = [];
      let last = 0;
      for (const m of v.text.matchAll(REF)) {
        const at = m.index!;
        for (let i = last; i < at; i++) (text += v.text[i]), offsets.push(base + i);
        real += v.text.slice(last, at);
        const val = resolve(m[1]!, base + at);
        const rep = val ?? m[0];
        for (let i = 0; i < rep.length; i++) (text += rep[i]), offsets.push(base + at);
        real += val !== null && hasSecretMarker(val) ? realValue(m[1]!) : rep;
        last = at + m[0].length;
      }
      for (let i = last; i < v.text.length; i++) (text += v.text[i]), offsets.push(base + i);
      real += v.text.slice(last);
      const t = text.trimStart();
      if (t.startsWith("@(") || t.startsWith("@{")) {
        const lead = text.length - t.length;
        const src = t.trimEnd();
        return { kind: "expr", source: src, offsets: offsets.slice(lead, lead + src.length), offset: offsets[lead]! };
      }
      // Inlined, a secret's text would make this literal an expression: its text would be code.
      if (/^\s*@[({]/.test(real) && real !== text)
        diags.error(Codes.SecretNamedValue, v.offset, `This value would become a policy expression through a secret named value; ${SECRET_USE}.`);
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
    // Liquid templates: set-body's, and publish-to-dapr's and invoke-dapr-binding's (its <data>).
    const templated = el.name === "set-body" || el.name === "publish-to-dapr" || el.name === "invoke-dapr-binding";
    const template = templated ? el.attrs.find((a) => a.name === "template")?.value : undefined;
    const wasLiquid = liquid;
    liquid = templated ? template?.kind === "literal" && template.text.trim().toLowerCase() === "liquid" : el.name === "data" && wasLiquid;
    for (const c of el.children) {
      if (c.kind === "element") visit(c);
      else c.value = fix(c.value);
    }
    liquid = wasLiquid;
  };
  visit(root);
}
