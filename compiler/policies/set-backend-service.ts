// set-backend-service: the base URL the request is forwarded to (ctx.$backendUrl, which the
// backend host honours): `base-url`, or `backend-id` naming a backend of the gateway configuration
// (resolved per request against ctx.$env.backends; an unknown id is a policy error).
import { js, rt } from "../codegen/code.js";
import { KNOWN_LATER } from "./values.js";
import { Codes, didYouMean } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";

export interface SetBackendServiceNode extends PolicyNode {
  baseUrl: XValue | undefined;
  backendId: XValue | undefined;
  /** backend-id="dapr": the Dapr service invocation to forward to. */
  dapr?: { appId: XValue; method: XValue; namespace: XValue | null };
}

const SERVICE_FABRIC = ["sf-partition-key", "sf-replica-type", "sf-resolve-condition", "sf-service-instance-name", "sf-listener-name"];

export const setBackendService: PolicyDef<SetBackendServiceNode> = {
  name: "set-backend-service",
  sections: ["inbound", "backend"],
  attributes: {
    "base-url": {},
    "backend-id": {},
    "dapr-app-id": {},
    "dapr-method": {},
    "dapr-namespace": {},
    ...Object.fromEntries(SERVICE_FABRIC.map((n) => [n, {}])),
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<set-backend-service> takes no child elements."));
    for (const n of SERVICE_FABRIC) {
      const v = a[n];
      if (v) pc.diags.error(Codes.NotSupportedOutsideAzure, v.offset, `'${n}' addresses an Azure Service Fabric backend, which apimc cannot resolve outside Azure.`);
    }
    const baseUrl = a["base-url"];
    const backendId = a["backend-id"];
    if (!baseUrl && !backendId) {
      pc.diags.error(Codes.MissingAttribute, el.offset, "<set-backend-service> needs 'base-url' or 'backend-id'.");
      return null;
    }
    if (baseUrl && backendId) {
      pc.diags.error(Codes.InvalidLiteral, backendId.offset, "<set-backend-service> takes either 'base-url' or 'backend-id', not both.");
      return null;
    }
    if (baseUrl?.kind === "literal") {
      baseUrl.text = baseUrl.text.trim();
      // A named value left as written (no value at build time, already a warning) is not checked.
      if (!isHttpUrl(baseUrl.text) && !KNOWN_LATER.test(baseUrl.text)) pc.diags.error(Codes.InvalidLiteral, baseUrl.offset, `'base-url' must be an absolute http(s) URL, not '${baseUrl.text}'.`);
    }
    // Dapr service invocation (the "set-backend-service (Dapr)" reference page): backend-id="dapr"
    // with dapr-app-id and dapr-method; a configured backend named "dapr" is used only without them.
    const daprAttrs = ["dapr-app-id", "dapr-method", "dapr-namespace"].filter((n) => a[n]);
    const isDaprId = backendId?.kind === "literal" && backendId.text.trim() === "dapr";
    if (daprAttrs.length && !isDaprId) {
      pc.diags.error(Codes.InvalidLiteral, a[daprAttrs[0]!]!.offset, `'${daprAttrs[0]}' is for Dapr service invocation: it needs backend-id="dapr".`);
      return null;
    }
    if (isDaprId && (daprAttrs.length || !pc.state.backends?.has("dapr"))) {
      let ok = true;
      for (const n of ["dapr-app-id", "dapr-method"])
        if (!a[n]) {
          pc.diags.error(Codes.MissingAttribute, el.offset, `<set-backend-service backend-id="dapr"> needs '${n}' (the Dapr app id and the method to invoke).`);
          ok = false;
        }
      for (const n of daprAttrs) {
        const v = a[n]!;
        if (v.kind === "literal" && v.text.trim() === "") {
          pc.diags.error(Codes.InvalidLiteral, v.offset, `'${n}' cannot be empty.`);
          ok = false;
        }
      }
      if (!ok) return null;
      return { ...base, baseUrl: undefined, backendId, dapr: { appId: a["dapr-app-id"]!, method: a["dapr-method"]!, namespace: a["dapr-namespace"] ?? null } };
    }
    if (backendId?.kind === "literal") {
      backendId.text = backendId.text.trim();
      if (backendId.text === "") pc.diags.error(Codes.InvalidLiteral, backendId.offset, "'backend-id' cannot be empty.");
      // In a gateway build the backends are known: an unknown id fails here, not on every request.
      else if (pc.state.backends && !pc.state.backends.has(backendId.text) && !backendId.text.includes("{{"))
        pc.diags.error(
          Codes.UnknownBackend,
          backendId.offset,
          `No backend with id '${backendId.text}' is configured${pc.state.backends.size ? ` (configured: ${[...pc.state.backends].join(", ")})` : " (the gateway configuration names no backends)"}.${didYouMean(backendId.text, pc.state.backends)}`,
        );
    }
    return { ...base, baseUrl, backendId };
  },
  emit(node, ec) {
    if (node.baseUrl)
      return node.baseUrl.kind === "literal"
        ? js`ctx.$backendUrl = ${node.baseUrl.text};`
        : js`ctx.$backendUrl = ${rt("backendServiceUrl")}(${ec.value(node.baseUrl, "string")});`;
    if (node.dapr) {
      const v = (x: XValue | null) => (x === null ? js`null` : x.kind === "literal" ? js`${x.text.trim()}` : ec.value(x, "string"));
      return js`ctx.$backendUrl = ${rt("daprInvokeUrl")}(ctx, ${v(node.dapr.appId)}, ${v(node.dapr.method)}, ${v(node.dapr.namespace)});`;
    }
    const id = node.backendId!;
    return js`ctx.$backendUrl = ${rt("backendServiceById")}(ctx, ${id.kind === "literal" ? js`${id.text}` : ec.value(id, "string")});`;
  },
};

function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}
