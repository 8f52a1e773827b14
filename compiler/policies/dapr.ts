// publish-to-dapr and invoke-dapr-binding: POSTs to the Dapr sidecar (runtime/integration/dapr.ts).
// The message (publish-to-dapr's text, invoke-dapr-binding's <data>) is a literal, an expression, or
// with template="Liquid" a Liquid template rendered against the request. timeout 1-240 s (default 5)
// may be an expression; ignore-error, response-variable-name, template, content-type and
// binding's operation are literals ("Liquid" and "application/json" being the only values the pages allow).
import { js, join, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { liquidParse, LiquidSyntaxError } from "../../runtime/liquid/liquid.js";
import type { XElement, XValue } from "../xml/parse.js";
import type { EmitContext, ParseContext, PolicyDef, PolicyNode } from "./types.js";
import { literalIntIn, specConstant } from "./state-common.js";

interface Content {
  value: XValue;
  liquid: boolean;
}

export interface DaprNode extends PolicyNode {
  spec: { policy: string; ignoreError: boolean; responseVariable: string | null; contentType: string | null; operation: string | null };
  timeout: XValue | null;
  content: Content | null;
  /** publish-to-dapr */
  pubsub?: XValue | null;
  topic?: XValue;
  /** invoke-dapr-binding */
  name?: XValue;
  metadata?: [string, XValue][];
}

const COMMON = {
  "ignore-error": { expr: false, type: "bool" },
  "response-variable-name": { expr: false },
  timeout: { type: "int" },
  template: { expr: false },
  "content-type": { expr: false },
} as const;

function common(el: XElement, pc: ParseContext, a: Record<string, XValue | undefined>): Omit<DaprNode["spec"], "policy" | "operation"> & { liquid: boolean; ok: boolean } {
  let ok = true;
  literalIntIn(pc, a.timeout, `'timeout' of <${el.name}>`, 1, 240, " seconds");
  const t = a.template?.kind === "literal" ? a.template.text.trim() : null;
  if (t !== null && t.toLowerCase() !== "liquid") {
    pc.diags.error(Codes.InvalidLiteral, a.template!.offset, `'template' of <${el.name}> can only be "Liquid" (the reference page), not '${t}'.`);
    ok = false;
  }
  const ct = a["content-type"]?.kind === "literal" ? a["content-type"].text.trim() : null;
  if (ct !== null && ct.toLowerCase() !== "application/json") {
    pc.diags.error(Codes.InvalidLiteral, a["content-type"]!.offset, `'content-type' of <${el.name}> can only be "application/json" (the reference page), not '${ct}'.`);
    ok = false;
  }
  const rv = a["response-variable-name"]?.kind === "literal" ? a["response-variable-name"].text.trim() : null;
  if (rv === "") {
    pc.diags.error(Codes.InvalidLiteral, a["response-variable-name"]!.offset, `'response-variable-name' of <${el.name}> cannot be empty.`);
    ok = false;
  }
  const ie = a["ignore-error"];
  return { ignoreError: ie?.kind === "literal" && ie.text.trim().toLowerCase() === "true", responseVariable: rv, contentType: ct, liquid: t !== null, ok };
}

/** The message text of an element (null when it has none); a Liquid template must be literal and parse. */
function content(el: XElement, pc: ParseContext, liquid: boolean): Content | null | false {
  const v = pc.text(el);
  if (!v || (v.kind === "literal" && v.text.trim() === "")) return null;
  if (!liquid) return { value: v, liquid };
  if (v.kind !== "literal") {
    pc.diags.error(Codes.MixedExpression, v.offset, 'A Liquid template (template="Liquid") is literal text; it cannot be a policy expression.');
    return false;
  }
  try {
    liquidParse(v.text);
  } catch (e) {
    if (!(e instanceof LiquidSyntaxError)) throw e;
    pc.diags.error(Codes.InvalidLiteral, v.offset, `Liquid: ${e.message}`);
    return false;
  }
  return { value: v, liquid };
}

function emitContent(c: Content | null, ec: EmitContext): Code {
  if (!c) return js`""`;
  if (c.liquid && c.value.kind === "literal") {
    const template = ec.scope.constant(js`${rt("liquidParse")}(${c.value.text})`, "liquid");
    return js`${rt("liquidRender")}(ctx, ${template}, ctx.Request).content().toString("utf8")`;
  }
  return c.value.kind === "literal" ? js`${c.value.text.trim()}` : ec.value(c.value, "string");
}

const timeoutOf = (n: DaprNode, ec: EmitContext): Code => (n.timeout ? ec.value(n.timeout, "int") : js`5`);

export const publishToDapr: PolicyDef<DaprNode> = {
  name: "publish-to-dapr",
  sections: ["inbound"],
  attributes: { "pubsub-name": {}, topic: { required: true }, ...COMMON },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const c = common(el, pc, a);
    if (el.children.some((x) => x.kind === "element")) {
      pc.elements(el).forEach((x) => pc.diags.error(Codes.UnexpectedChild, x.offset, "<publish-to-dapr> takes the message as its text, not child elements."));
      return null;
    }
    const body = content(el, pc, c.liquid);
    const topic = a.topic;
    if (topic?.kind === "literal" && topic.text.trim() === "") pc.diags.error(Codes.InvalidLiteral, topic.offset, "'topic' of <publish-to-dapr> cannot be empty.");
    else if (topic?.kind === "literal" && !a["pubsub-name"] && !/^[^/]+\/.+$/.test(topic.text.trim()))
      pc.diags.error(Codes.InvalidLiteral, topic.offset, `Without 'pubsub-name', 'topic' must be "<pubsub-name>/<topic>", not '${topic.text.trim()}'.`);
    if (!topic || body === false || !c.ok) return null;
    return { ...base, spec: { policy: "publish-to-dapr", ignoreError: c.ignoreError, responseVariable: c.responseVariable, contentType: c.contentType, operation: null }, timeout: a.timeout ?? null, content: body, pubsub: a["pubsub-name"] ?? null, topic };
  },
  emit(node, ec) {
    const v = (x: XValue) => (x.kind === "literal" ? js`${x.text.trim()}` : ec.value(x, "string"));
    return js`await ${rt("daprPublish")}(ctx, ${specConstant(ec, node.spec, "dapr")}, ${node.pubsub ? v(node.pubsub) : js`null`}, ${v(node.topic!)}, ${emitContent(node.content, ec)}, ${timeoutOf(node, ec)});`;
  },
  isAsync: () => true,
  readsBody: (node) => !!node.content?.liquid,
};

export const invokeDaprBinding: PolicyDef<DaprNode> = {
  name: "invoke-dapr-binding",
  sections: ["inbound", "outbound", "on-error"],
  attributes: { name: { required: true }, operation: { expr: false }, ...COMMON },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    const c = common(el, pc, a);
    let ok = c.ok;
    let data: Content | null = null;
    const metadata: [string, XValue][] = [];
    let seen = { metadata: false, data: false };
    for (const child of pc.elements(el)) {
      if (child.name === "metadata") {
        if (seen.metadata) pc.diags.error(Codes.DuplicateChild, child.offset, "<invoke-dapr-binding> takes one <metadata>.");
        seen = { ...seen, metadata: true };
        pc.attrs(child, {});
        for (const item of pc.elements(child)) {
          if (item.name !== "item") {
            pc.diags.error(Codes.UnexpectedChild, item.offset, `<metadata> takes <item key="..."> children, not <${item.name}>.`);
            ok = false;
            continue;
          }
          const ia = pc.attrs(item, { key: { required: true, expr: false } });
          const key = ia.key?.kind === "literal" ? ia.key.text.trim() : "";
          if (ia.key && key === "") pc.diags.error(Codes.InvalidLiteral, ia.key.offset, "A metadata item's key cannot be empty.");
          if (!key) {
            ok = false;
            continue;
          }
          if (metadata.some(([k]) => k === key)) pc.diags.error(Codes.DuplicateChild, item.offset, `The metadata item '${key}' is given twice.`);
          const v = pc.text(item) ?? { kind: "literal" as const, text: "", offset: item.offset };
          if (v.kind === "literal") v.text = v.text.trim();
          metadata.push([key, v]);
        }
      } else if (child.name === "data") {
        if (seen.data) pc.diags.error(Codes.DuplicateChild, child.offset, "<invoke-dapr-binding> takes one <data>.");
        seen = { ...seen, data: true };
        pc.attrs(child, {});
        const d = content(child, pc, c.liquid);
        if (d === false) ok = false;
        else data = d;
      } else {
        pc.diags.error(Codes.UnexpectedChild, child.offset, `<invoke-dapr-binding> takes <metadata> and <data>, not <${child.name}>.`);
        ok = false;
      }
    }
    const name = a.name;
    if (name?.kind === "literal" && name.text.trim() === "") {
      pc.diags.error(Codes.InvalidLiteral, name.offset, "'name' of <invoke-dapr-binding> cannot be empty.");
      ok = false;
    }
    const op = a.operation?.kind === "literal" ? a.operation.text.trim() || null : null;
    if (!name || !ok) return null;
    return { ...base, spec: { policy: "invoke-dapr-binding", ignoreError: c.ignoreError, responseVariable: c.responseVariable, contentType: c.contentType, operation: op }, timeout: a.timeout ?? null, content: data, name, metadata };
  },
  emit(node, ec) {
    const v = (x: XValue) => (x.kind === "literal" ? js`${x.text}` : ec.value(x, "string"));
    const meta = join(node.metadata!.map(([k, x]) => js`[${k}, ${v(x)}]`), ", ", "[", "]");
    return js`await ${rt("daprBinding")}(ctx, ${specConstant(ec, node.spec, "dapr")}, ${v(node.name!)}, ${emitContent(node.content, ec)}, ${meta}, ${timeoutOf(node, ec)});`;
  },
  isAsync: () => true,
  readsBody: (node) => !!node.content?.liquid,
};
