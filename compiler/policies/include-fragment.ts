// include-fragment: the fragment's policies inlined at build time, checked against this section.
// Fragments cannot include fragments and hold no sections or <base/> (policy-fragments page).
import { js } from "../codegen/code.js";
import { Codes, DiagnosticBag, LineMap } from "../diagnostics.js";
import { substituteNamedValues } from "../named-values.js";
import { parseXml } from "../xml/parse.js";
import { ALL_SECTIONS, type PolicyDef, type PolicyNode } from "./types.js";

export interface IncludeFragmentNode extends PolicyNode {
  id: string;
  body: PolicyNode[];
}

/** 32 KB: APIM's fragment size limit. */
export const MAX_FRAGMENT_SIZE = 32 * 1024;

export const includeFragment: PolicyDef<IncludeFragmentNode> = {
  name: "include-fragment",
  sections: ALL_SECTIONS,
  attributes: { "fragment-id": { required: true, expr: false } },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const idValue = a["fragment-id"];
    if (!idValue || idValue.kind !== "literal") return null;
    const id = idValue.text.trim();
    const state = pc.state;
    if (state.inFragment) {
      pc.diags.error(Codes.UnexpectedChild, el.offset, "A fragment cannot include another fragment.");
      return null;
    }
    const found = state.fragments?.(id) ?? null;
    if (!found) {
      const where = state.fragments ? state.fragments.fileOf?.(id) : null;
      pc.diags.error(Codes.UnknownFragment, idValue.offset, `Policy fragment with id '${id}' could not be found${where ? ` (there is no ${where})` : ""}.${state.fragments ? "" : " (No fragments folder is configured.)"}`);
      return null;
    }
    state.fragmentCache ??= new Map();
    let parsed = state.fragmentCache.get(id);
    if (!parsed) {
      const diags = new DiagnosticBag(found.file, new LineMap(found.source));
      state.allDiagnostics?.push(diags);
      let root = null;
      if (found.source.length > MAX_FRAGMENT_SIZE) diags.error(Codes.DocumentTooLarge, 0, `The fragment is ${found.source.length} characters; APIM accepts fragments up to 32 KB.`);
      else {
        root = parseXml(found.source, diags);
        if (root) {
          substituteNamedValues(root, state.namedValues, diags, state.checkOnly, state.secretRefs);
          if (root.name !== "fragment") {
            diags.error(Codes.XmlSnippetRoot, root.offset, `A policy fragment's root element must be <fragment>, not <${root.name}>.`);
            root = null;
          }
        }
      }
      parsed = { root, diags };
      state.fragmentCache.set(id, parsed);
    }
    if (!parsed.root) {
      pc.diags.error(Codes.UnknownFragment, idValue.offset, `Policy fragment '${id}' has errors (see ${found.file}).`);
      return null;
    }
    const before = parsed.diags.errorCount;
    // Fragment policies are parsed for this section, with paths under this include.
    state.inFragment = true;
    const body = pc.policiesFrom(parsed.root.children, `${pc.path}`, parsed.diags);
    state.inFragment = false;
    for (const n of body)
      if (n.policy === "base") parsed.diags.error(Codes.UnexpectedChild, n.el.offset, "A fragment cannot contain <base/>.");
    if (parsed.diags.errorCount > before) {
      pc.diags.error(Codes.UnknownFragment, idValue.offset, `Policy fragment '${id}' cannot be used here (see ${found.file}).`);
      return null;
    }
    return { ...base, id, body };
  },
  emit(node, ec) {
    return node.body.length ? ec.policies(node.body) : js``;
  },
  isAsync: (node, isAsyncNode) => node.body.some(isAsyncNode),
};
