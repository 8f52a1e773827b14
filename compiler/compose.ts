// Scope composition at build time: global → product → API → operation. In each section a
// `<base/>` is replaced by the parent scope's effective section; a section a scope leaves out
// behaves like `<section><base/></section>` ([OPEN] 1). Above global is APIM's default policy:
// `<forward-request/>` in backend, nothing elsewhere (the `base` node left at the top emits it).
import type { DiagnosticBag } from "./diagnostics.js";
import type { PolicyDocument } from "./document.js";
import { ALL_SECTIONS, type PolicyNode, type Section } from "./policies/types.js";

export type SectionLists = Partial<Record<Section, PolicyNode[]>>;

/** `docs` from the broadest scope to the narrowest. */
export function composeScopes(docs: readonly PolicyDocument[], diags: DiagnosticBag): SectionLists {
  const out: SectionLists = {};
  for (const section of ALL_SECTIONS) {
    let effective: PolicyNode[] = [implicitBase(section, diags)];
    for (const doc of docs) {
      const own = doc.sections[section];
      if (!own) continue; // missing section: inherits the parent's as is
      const parent = effective;
      effective = own.flatMap((n) => (n.policy === "base" ? parent : [n]));
    }
    out[section] = effective;
  }
  return out;
}

function implicitBase(section: Section, diags: DiagnosticBag): PolicyNode {
  return { policy: "base", el: { kind: "element", name: "base", attrs: [], children: [], offset: 0, contentStart: 0, contentEnd: 0 }, index: -1, section, diags };
}
