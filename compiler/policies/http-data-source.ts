// http-data-source: a GraphQL field resolver of a synthetic GraphQL API (gateway.json
// apis[].graphql.resolvers). <http-request> builds the call the way send-request does (expressions
// may read context.GraphQL.Arguments / Parent); its answer becomes context.Response, which
// <http-response> may rewrite (set-body, set-header, set-status); the gateway's GraphQL executor
// (gateway/graphql-resolvers.ts) takes that body, as JSON, for the field's value.
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import { emitOutgoing, parseOutgoing, type OutgoingParts } from "./outgoing-request.js";
import { emitSetBody, parseSetBody, type SetBodyNode } from "./set-body.js";
import { emitSetHeader, parseHeaderLike, type SetHeaderNode } from "./set-header.js";
import type { XElement } from "../xml/parse.js";
import { xmlToJson } from "./xml-to-json.js";
import { jsonToXml } from "./json-to-xml.js";
import { findAndReplace } from "./find-and-replace.js";
import type { EmitContext, MessageTarget, ParseContext, PolicyDef, PolicyNode } from "./types.js";

/** The http-request child order of the reference page (set-method first, unlike send-request). */
const REQUEST_ORDER = ["set-method", "set-url", "set-header", "set-body", "authentication-certificate", "authentication-managed-identity", "proxy"];

/** A transform of the data source's answer (<http-response> children, run in document order). */
type ResponseStep = { kind: "header"; node: SetHeaderNode } | { kind: "body"; node: SetBodyNode } | { kind: "transform"; def: PolicyDef<any>; node: PolicyNode & { target: "request" | "response" } };

/** The answer transforms the set-graphql-resolver page lists besides set-body (the same policies, on the answer). */
const TRANSFORMS: ReadonlyMap<string, PolicyDef<any>> = new Map<string, PolicyDef<any>>([xmlToJson, findAndReplace, jsonToXml].map((d) => [d.name, d]));

export interface HttpDataSourceNode extends PolicyNode {
  request: OutgoingParts;
  response: ResponseStep[];
}

export const httpDataSource: PolicyDef<HttpDataSourceNode> = {
  name: "http-data-source",
  sections: ["inbound"],
  attributes: {},
  parse(el, pc, base) {
    // A data source is a resolver document's root (or set-graphql-resolver's child), never a section's
    // policy: in inbound it would call the data source on every request and hide the real answer.
    if (pc.state.resolverRoot !== el) {
      pc.diags.error(
        Codes.PolicyNotAllowedInSection,
        el.offset,
        `<http-data-source> is not a policy of the ${pc.section} section: it is a GraphQL field resolver, the root of a document given in gateway.json graphql.resolvers (README, "GraphQL resolvers"), or the child of <set-graphql-resolver> in a backend section.`,
      );
      return null;
    }
    return parseHttpDataSource(el, pc, base);
  },
  emit: (node, ec) => emitHttpDataSource(node, ec),
  isAsync: () => true,
};

/** <http-data-source>'s children (for a resolver document's root and set-graphql-resolver's child). */
export function parseHttpDataSource(el: XElement, pc: ParseContext, base: PolicyNode): HttpDataSourceNode | null {
  pc.attrs(el, {});
  let request: OutgoingParts | null = null;
  const response: ResponseStep[] = [];
  for (const child of pc.elements(el)) {
    if (child.name === "http-request") {
      if (request) pc.diags.error(Codes.DuplicateChild, child.offset, "<http-data-source> takes one <http-request>.");
      request = parseOutgoing(child, pc, { ...base, policy: child.name, el: child, index: -1 }, pc.attrs(child, {}), REQUEST_ORDER);
    } else if (child.name === "http-response") {
      pc.attrs(child, {});
      const seen = new Set<string>();
      for (const r of pc.elements(child)) {
        const rb = { ...base, policy: r.name, el: r, index: -1 };
        if (r.name !== "set-header" && seen.has(r.name)) pc.diags.error(Codes.DuplicateChild, r.offset, `<http-response> takes at most one <${r.name}>.`);
        seen.add(r.name);
        const transform = TRANSFORMS.get(r.name);
        if (r.name === "set-body") {
          const b = parseSetBody(r, pc, rb, "response");
          if (b) response.push({ kind: "body", node: b });
        } else if (r.name === "set-header") {
          const h = parseHeaderLike(r, pc, rb, "response");
          if (h) response.push({ kind: "header", node: h });
        } else if (transform) {
          const t = transform.parse(r, pc, rb);
          if (t) response.push({ kind: "transform", def: transform, node: { ...t, target: "response" } });
        } else {
          pc.diags.error(Codes.NotImplemented, r.offset, `<${r.name}> inside <http-response> is not implemented by apimc (set-body, set-header, xml-to-json, json-to-xml and find-and-replace are).`);
        }
      }
    } else {
      pc.diags.error(Codes.UnexpectedChild, child.offset, `<http-data-source> does not take <${child.name}> (only <http-request> and <http-response>).`);
    }
  }
  if (!request) {
    pc.diags.error(Codes.MissingChild, el.offset, "<http-data-source> needs an <http-request>.");
    return null;
  }
  return { ...base, request, response };
}

/** The data source's call: its answer becomes ctx.Response, then <http-response> rewrites it. */
export function emitHttpDataSource(node: HttpDataSourceNode, ec: EmitContext): Code {
  const rq = ec.scope.names.fresh("rq");
  const { build, options } = emitOutgoing(node.request, rq, ec);
  const target: MessageTarget = { kind: "response", code: js`ctx.Response`, local: false };
  let after = js``;
  for (const step of node.response) {
    const code = step.kind === "header" ? emitSetHeader(step.node, target, ec) : step.kind === "body" ? emitSetBody(step.node, target, ec) : step.def.emit(step.node, ec);
    after = js`${after}${code}\n`;
  }
  return js`{\n${build}ctx.Response = await ${rt("sendRequest")}(${rq}, ${options});\n${after}}`;
}
