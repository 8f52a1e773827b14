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
import type { EmitContext, MessageTarget, ParseContext, PolicyDef, PolicyNode } from "./types.js";

/** The http-request child order of the reference page (set-method first, unlike send-request). */
const REQUEST_ORDER = ["set-method", "set-url", "set-header", "set-body", "authentication-certificate", "authentication-managed-identity", "proxy"];

export interface HttpDataSourceNode extends PolicyNode {
  request: OutgoingParts;
  responseBody: SetBodyNode | null;
  responseHeaders: SetHeaderNode[];
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
  let responseBody: SetBodyNode | null = null;
  const responseHeaders: SetHeaderNode[] = [];
  for (const child of pc.elements(el)) {
    if (child.name === "http-request") {
      if (request) pc.diags.error(Codes.DuplicateChild, child.offset, "<http-data-source> takes one <http-request>.");
      request = parseOutgoing(child, pc, { ...base, policy: child.name, el: child, index: -1 }, pc.attrs(child, {}), REQUEST_ORDER);
    } else if (child.name === "http-response") {
      pc.attrs(child, {});
      for (const r of pc.elements(child)) {
        const rb = { ...base, policy: r.name, el: r, index: -1 };
        if (r.name === "set-body") {
          if (responseBody) pc.diags.error(Codes.DuplicateChild, r.offset, "<http-response> takes at most one <set-body>.");
          responseBody = parseSetBody(r, pc, rb, "response");
        } else if (r.name === "set-header") {
          const h = parseHeaderLike(r, pc, rb, "response");
          if (h) responseHeaders.push(h);
        } else {
          pc.diags.error(Codes.NotImplemented, r.offset, `<${r.name}> inside <http-response> is not implemented by apimc (set-body and set-header are).`);
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
  return { ...base, request, responseBody, responseHeaders };
}

/** The data source's call: its answer becomes ctx.Response, then <http-response> rewrites it. */
export function emitHttpDataSource(node: HttpDataSourceNode, ec: EmitContext): Code {
  const rq = ec.scope.names.fresh("rq");
  const { build, options } = emitOutgoing(node.request, rq, ec);
  const target: MessageTarget = { kind: "response", code: js`ctx.Response`, local: false };
  let after = js``;
  for (const h of node.responseHeaders) after = js`${after}${emitSetHeader(h, target, ec)}\n`;
  if (node.responseBody) after = js`${after}${emitSetBody(node.responseBody, target, ec)}\n`;
  return js`{\n${build}ctx.Response = await ${rt("sendRequest")}(${rq}, ${options});\n${after}}`;
}
