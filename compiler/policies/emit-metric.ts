// emit-metric: one value of a custom metric with its dimensions. APIM sends it to Application
// Insights; apimc's gateway exposes it with its other metrics at /_apimc/metrics (runtime/observe.ts).
import { js, join, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import { ALL_SECTIONS, type ParseContext, type PolicyDef, type PolicyNode } from "./types.js";
import type { XElement } from "../xml/parse.js";
import { DEFAULT_DIMENSIONS } from "../../runtime/observer.js";

/** The reference page: "You can configure a maximum of 10 custom dimensions per policy". */
export const MAX_DIMENSIONS = 10;

export interface EmitMetricNode extends PolicyNode {
  name: string;
  namespace: string;
  /** A literal double, or the expression. */
  value: number | XValue;
  /** A null value: the default dimension of that (literal) name. */
  dimensions: Dimension[];
}

export type Dimension = { name: XValue; value: XValue | null };

/**
 * The <dimension name value> children of a metric policy (emit-metric and the token metric
 * policies): at least one, at most `max`; a default dimension may leave out its value. `ok` is
 * false when a child could not be read (its diagnostic is given).
 */
export function parseDimensions(el: XElement, pc: ParseContext, policy: string, max: number): { dimensions: Dimension[]; ok: boolean } {
  const dimensions: Dimension[] = [];
  let ok = true;
  for (const child of pc.elements(el)) {
    if (child.name !== "dimension") {
      pc.diags.error(Codes.UnexpectedChild, child.offset, `<${policy}> takes <dimension> children, not <${child.name}>.`);
      ok = false;
      continue;
    }
    pc.elements(child).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<dimension> takes no child elements."));
    const d = pc.attrs(child, { name: { required: true }, value: {} });
    if (!d.name) {
      ok = false;
      continue;
    }
    if (d.name.kind === "literal" && d.name.text.trim() === "") {
      pc.diags.error(Codes.InvalidLiteral, d.name.offset, "A dimension name cannot be empty.");
      ok = false;
      continue;
    }
    if (!d.value && !(d.name.kind === "literal" && DEFAULT_DIMENSIONS.has(d.name.text.trim()))) {
      pc.diags.error(
        Codes.MissingAttribute,
        child.offset,
        `<dimension> needs a value unless its name is one of the default dimensions (${[...DEFAULT_DIMENSIONS].join(", ")}), which take theirs from the request.`,
      );
      ok = false;
      continue;
    }
    if (d.name.kind === "literal") d.name = { ...d.name, text: d.name.text.trim() };
    dimensions.push({ name: d.name, value: d.value ?? null });
  }
  if (dimensions.length === 0 && ok) pc.diags.error(Codes.MissingChild, el.offset, `<${policy}> needs at least one <dimension> (the reference page requires one).`);
  if (dimensions.length > max) pc.diags.error(Codes.UnexpectedChild, el.offset, `<${policy}> takes at most ${max} dimensions (the reference page's limit), not ${dimensions.length}.`);
  return { dimensions, ok: ok && dimensions.length > 0 };
}

export const emitMetric: PolicyDef<EmitMetricNode> = {
  name: "emit-metric",
  sections: ALL_SECTIONS,
  attributes: {
    name: { required: true, expr: false },
    namespace: { expr: false },
    value: {},
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const { dimensions, ok } = parseDimensions(el, pc, "emit-metric", MAX_DIMENSIONS);
    if (!a.name || a.name.kind !== "literal" || !ok) return null;
    const name = a.name.text.trim();
    if (name === "") {
      pc.diags.error(Codes.InvalidLiteral, a.name.offset, "The metric name cannot be empty.");
      return null;
    }
    const namespace = a.namespace?.kind === "literal" ? a.namespace.text.trim() || "API Management" : "API Management";
    let value: number | XValue = 1;
    if (a.value?.kind === "literal") {
      const text = a.value.text.trim();
      const n = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(n)) {
        pc.diags.error(Codes.InvalidLiteral, a.value.offset, `The metric value must be a number (a double), not '${text}'.`);
        return null;
      }
      value = n;
    } else if (a.value) value = a.value;
    return { ...base, name, namespace, value, dimensions };
  },
  emit(node, ec) {
    const str = (v: XValue): Code => (v.kind === "literal" ? js`${v.text}` : ec.value(v, "string"));
    const dims = join(node.dimensions.map((d) => js`[${str(d.name)}, ${d.value ? str(d.value) : js`null`}]`), ", ", "[", "]");
    const value = typeof node.value === "number" ? js`${node.value}` : ec.value(node.value, "any");
    return js`${rt("emitMetric")}(ctx, ${node.name}, ${node.namespace}, ${value}, ${dims});`;
  },
};
