// validate-odata-request: the OData-Version header, the payload size and the system query options
// of a request to an OData API (runtime/validation/odata.ts). The attributes take no expressions
// (the reference page shows none); versions are read here so a typo is a build error.
import { js, rt, dataLiteral } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";
import { errorsVariableOf } from "../validation/specification.js";

export interface ValidateODataNode extends PolicyNode {
  config: { defaultVersion: string; minVersion: string | null; maxVersion: string | null; maxSize: number | null; errorsVariable: string | null };
}

const VERSION = /^\d{1,2}\.\d{1,2}$/;

export const validateODataRequest: PolicyDef<ValidateODataNode> = {
  name: "validate-odata-request",
  sections: ["inbound"],
  attributes: {
    "error-variable-name": { expr: false },
    "default-odata-version": { expr: false },
    "min-odata-version": { expr: false },
    "max-odata-version": { expr: false },
    "max-size": { expr: false, type: "int" },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<validate-odata-request> takes no child elements."));
    if (pc.state.table.some((m, i) => i < base.index && m.name === "validate-odata-request" && m.section === pc.section && m.scope === pc.state.scope))
      pc.diags.warning(Codes.DuplicateChild, el.offset, "<validate-odata-request> can only be used once in a policy section.");
    let ok = true;
    const version = (v: XValue | undefined, name: string): string | null => {
      if (v?.kind !== "literal") return null;
      const text = v.text.trim();
      if (VERSION.test(text)) return text;
      pc.diags.error(Codes.InvalidLiteral, v.offset, `'${name}' must be an OData version such as 4.0 or 4.01, not '${text}'.`);
      ok = false;
      return null;
    };
    const defaultVersion = version(a["default-odata-version"], "default-odata-version") ?? "4.0";
    const minVersion = version(a["min-odata-version"], "min-odata-version");
    const maxVersion = version(a["max-odata-version"], "max-odata-version");
    if (minVersion && maxVersion && Number(minVersion) > Number(maxVersion)) {
      pc.diags.error(Codes.InvalidLiteral, a["min-odata-version"]!.offset, `'min-odata-version' (${minVersion}) is greater than 'max-odata-version' (${maxVersion}): no request could pass.`);
      ok = false;
    }
    const sizeAttr = a["max-size"];
    let maxSize: number | null = null;
    if (sizeAttr?.kind === "literal") {
      maxSize = Number(sizeAttr.text.trim());
      if (!Number.isSafeInteger(maxSize) || maxSize < 0) {
        pc.diags.error(Codes.InvalidLiteral, sizeAttr.offset, `'max-size' must be a number of bytes (0 or more), not '${sizeAttr.text.trim()}'.`);
        ok = false;
      }
    }
    const errorsVariable = errorsVariableOf(pc, a["error-variable-name"]);
    if (!ok) return null;
    return { ...base, config: { defaultVersion, minVersion, maxVersion, maxSize, errorsVariable } };
  },
  emit(node, ec) {
    const config = ec.scope.constant(js`${dataLiteral(node.config)}`, "odataRules");
    return js`${rt("validateODataRequest")}(ctx, ${config});`;
  },
  readsBody: (node) => node.config.maxSize !== null,
};
