// trace: adds an entry (source, severity, message, metadata) to the request's trace. Only the
// message accepts an expression.
import { js, rt, dataLiteral } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";

const SEVERITIES = ["verbose", "information", "error"] as const;

export interface TraceNode extends PolicyNode {
  source: string;
  severity: (typeof SEVERITIES)[number];
  message: XValue;
  metadata: [string, string][];
}

export const trace: PolicyDef<TraceNode> = {
  name: "trace",
  sections: ["inbound", "backend", "outbound", "on-error"],
  attributes: {
    source: { required: true, expr: false },
    severity: { expr: false, type: { enum: SEVERITIES } },
  },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    let message: XValue | null = null;
    const metadata: [string, string][] = [];
    // The older form of the policy has the message as the element's text: <trace source="s">text</trace>.
    const legacy = !el.children.some((c) => c.kind === "element") ? pc.text(el) : null;
    if (legacy && !(legacy.kind === "literal" && legacy.text.trim() === "")) {
      if (legacy.kind === "literal") legacy.text = legacy.text.trim();
      message = legacy;
    } else for (const child of pc.elements(el)) {
      if (child.name === "message") {
        if (message) pc.diags.error(Codes.DuplicateChild, child.offset, "<trace> takes one <message>.");
        if (metadata.length) pc.diags.warning(Codes.UnexpectedChild, child.offset, "<message> should come before <metadata> (the order of the reference page).");
        pc.attrs(child, {});
        message = pc.text(child) ?? { kind: "literal", text: "", offset: child.offset };
      } else if (child.name === "metadata") {
        const m = pc.attrs(child, { name: { required: true, expr: false }, value: { required: true, expr: false } });
        pc.elements(child).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<metadata> takes no child elements."));
        if (m.name?.kind === "literal" && m.value?.kind === "literal") {
          if (m.name.text.trim() === "") pc.diags.error(Codes.InvalidLiteral, m.name.offset, "The metadata name cannot be empty.");
          metadata.push([m.name.text.trim(), m.value.text]);
        }
      } else pc.diags.error(Codes.UnexpectedChild, child.offset, `<trace> takes <message> and <metadata> children, not <${child.name}>.`);
    }
    if (!message) {
      pc.diags.error(Codes.MissingChild, el.offset, "<trace> needs a <message>.");
      return null;
    }
    if (!a.source || a.source.kind !== "literal") return null;
    const severity = (a.severity?.kind === "literal" ? a.severity.text.trim() : "verbose") as TraceNode["severity"];
    return { ...base, source: a.source.text, severity, message, metadata };
  },
  emit(node, ec) {
    const message = node.message.kind === "literal" ? js`${node.message.text}` : ec.value(node.message, "string");
    const meta = node.metadata.length ? ec.scope.constant(js`Object.freeze(${dataLiteral(Object.fromEntries(node.metadata))})`, "traceMetadata") : js`null`;
    return js`${rt("traceWrite")}(ctx, ${node.source}, ${node.severity}, ${message}, ${meta});`;
  },
};
