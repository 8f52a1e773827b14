// The children send-request and send-one-way-request share: set-url, set-method, set-header,
// set-body, authentication-certificate, authentication-managed-identity, proxy. They build a
// runtime OutgoingRequest in place.
import { js, rt, type Code } from "../codegen/code.js";
import { Codes } from "../diagnostics.js";
import type { XElement, XValue } from "../xml/parse.js";
import { parseHeaderLike, emitSetHeader, type SetHeaderNode } from "./set-header.js";
import { parseSetBody, emitSetBody, type SetBodyNode } from "./set-body.js";
import type { EmitContext, MessageTarget, ParseContext, PolicyNode } from "./types.js";
import { emitManagedIdentity, parseManagedIdentity, type ManagedIdentitySpec } from "./authentication-managed-identity.js";
import { childOrder, KNOWN_LATER } from "./values.js";

export interface OutgoingParts {
  mode: XValue | undefined;
  timeout: XValue | undefined;
  url: XValue | null;
  method: XValue | null;
  headers: SetHeaderNode[];
  body: SetBodyNode | null;
  certificate: { thumbprint?: XValue; certificateId?: XValue; body?: XValue; password?: XValue } | null;
  /** authentication-managed-identity: a bearer token on the request (or in a variable). */
  identity: ManagedIdentitySpec | null;
  proxy: { url: XValue; username?: XValue; password?: XValue } | null;
}

/** Child order the reference page gives (a warning when not followed). */
const ORDER = ["set-url", "set-method", "set-header", "set-body", "authentication-certificate", "authentication-managed-identity", "proxy"];

export function parseOutgoing(el: XElement, pc: ParseContext, base: PolicyNode, a: Record<string, XValue | undefined>, order: readonly string[] = ORDER): OutgoingParts | null {
  const parts: OutgoingParts = { mode: a.mode, timeout: a.timeout, url: null, method: null, headers: [], body: null, certificate: null, identity: null, proxy: null };
  const inOrder = childOrder(el.name, order, pc);
  let identitySeen = false;
  const once = (child: XElement, present: unknown) => {
    if (present) pc.diags.error(Codes.DuplicateChild, child.offset, `<${el.name}> takes at most one <${child.name}>.`);
  };
  for (const child of pc.elements(el)) {
    inOrder(child);
    const childBase = { ...base, policy: child.name, el: child, index: -1 };
    switch (child.name) {
      case "set-url":
        once(child, parts.url);
        pc.attrs(child, {});
        parts.url = pc.text(child);
        if (!parts.url || (parts.url.kind === "literal" && parts.url.text.trim() === ""))
          pc.diags.error(Codes.MissingChild, child.offset, "<set-url> needs a URL.");
        else if (parts.url.kind === "literal") {
          parts.url.text = parts.url.text.trim();
          if (!/^https?:\/\/[^\s]+$/i.test(parts.url.text) && !KNOWN_LATER.test(parts.url.text))
            pc.diags.error(Codes.InvalidLiteral, parts.url.offset, `'${parts.url.text}' is not an absolute http(s) URL.`);
        }
        break;
      case "set-method":
        once(child, parts.method);
        pc.attrs(child, {});
        parts.method = pc.text(child);
        if (parts.method?.kind === "literal") {
          parts.method.text = parts.method.text.trim();
          if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(parts.method.text)) pc.diags.error(Codes.InvalidLiteral, parts.method.offset, `'${parts.method.text}' is not an HTTP method.`);
        }
        break;
      case "set-header": {
        const h = parseHeaderLike(child, pc, childBase, "request");
        if (h) parts.headers.push(h);
        break;
      }
      case "set-body": {
        once(child, parts.body);
        parts.body = parseSetBody(child, pc, childBase, "request");
        break;
      }
      case "authentication-certificate": {
        once(child, parts.certificate);
        const c = pc.attrs(child, { thumbprint: {}, "certificate-id": {}, body: {}, password: {} });
        if (!c.thumbprint && !c["certificate-id"] && !c.body)
          pc.diags.error(Codes.MissingAttribute, child.offset, "<authentication-certificate> needs 'thumbprint', 'certificate-id' or 'body'.");
        parts.certificate = { thumbprint: c.thumbprint, certificateId: c["certificate-id"], body: c.body, password: c.password };
        break;
      }
      case "proxy": {
        once(child, parts.proxy);
        const p = pc.attrs(child, { url: { required: true }, username: {}, password: {} });
        if (p.url) parts.proxy = { url: p.url, username: p.username, password: p.password };
        break;
      }
      case "authentication-managed-identity": {
        once(child, identitySeen);
        identitySeen = true;
        const spec = parseManagedIdentity(child, pc);
        if (spec && !parts.identity) parts.identity = spec;
        break;
      }
      default:
        pc.diags.error(Codes.UnexpectedChild, child.offset, `<${el.name}> does not take <${child.name}>.`);
    }
  }
  const isCopy = parts.mode?.kind === "literal" && parts.mode.text.trim() === "copy";
  if (!parts.url && !isCopy && parts.mode?.kind !== "expr") pc.diags.error(Codes.MissingChild, el.offset, `<${el.name}> needs a <set-url> (only mode="copy" may omit it).`);
  if (!parts.method && !isCopy && parts.mode?.kind !== "expr")
    pc.diags.warning(Codes.MissingChild, el.offset, `<${el.name}> has no <set-method>; GET is used.`);
  return parts;
}

/**
 * Emits the statements that build the request into the local `rq`; returns them and the
 * options object for the runtime's send functions. The managed identity token is awaited in the
 * build (send-request), unless `oneWay`: then the caller hands it to sendOneWayWithIdentity.
 */
export function emitOutgoing(parts: OutgoingParts, rq: Code, ec: EmitContext, oneWay = false): { build: Code; options: Code } {
  const mode = parts.mode ? (parts.mode.kind === "literal" ? js`${parts.mode.text.trim()}` : ec.value(parts.mode, "string")) : js`"new"`;
  const target: MessageTarget = { kind: "request", code: rq, local: true };
  let build = js`const ${rq} = ${rt("newOutgoingRequest")}(ctx, ${mode}, ${ec.section});\n`;
  if (parts.url) build = js`${build}${rq}.url = ${parts.url.kind === "literal" ? js`${parts.url.text}` : ec.value(parts.url, "string")};\n`;
  if (parts.method) build = js`${build}${rq}.Method = ${parts.method.kind === "literal" ? js`${parts.method.text}` : ec.value(parts.method, "string")};\n`;
  for (const h of parts.headers) build = js`${build}${emitSetHeader(h, target, ec)}\n`;
  if (parts.body) build = js`${build}${emitSetBody(parts.body, target, ec)}\n`;
  if (parts.identity && !oneWay) build = js`${build}${emitManagedIdentity(parts.identity, js`${rq}.Headers`, ec)}\n`;
  const timeoutMs = !parts.timeout
    ? js`60000`
    : parts.timeout.kind === "literal"
      ? js`${Number(parts.timeout.text.trim()) * 1000}`
      : js`${rt("secondsToMs")}(${ec.value(parts.timeout, "int")})`;
  const opt = (v: XValue | undefined): Code => (!v ? js`null` : v.kind === "literal" ? js`${v.text.trim()}` : ec.value(v, "string"));
  const cert = parts.certificate
    ? js`{ thumbprint: ${opt(parts.certificate.thumbprint)}, certificateId: ${opt(parts.certificate.certificateId)}, body: ${opt(parts.certificate.body)}, password: ${opt(parts.certificate.password)} }`
    : js`null`;
  const proxy = parts.proxy ? js`{ url: ${opt(parts.proxy.url)}, username: ${opt(parts.proxy.username)}, password: ${opt(parts.proxy.password)} }` : js`null`;
  const allLiteral = (!parts.timeout || parts.timeout.kind === "literal") && !hasExpr(parts.certificate) && !hasExpr(parts.proxy);
  const optionsValue = js`{ timeoutMs: ${timeoutMs}, certificate: ${cert}, proxy: ${proxy} }`;
  return { build, options: allLiteral ? ec.scope.constant(js`Object.freeze(${optionsValue})`, "sendOptions") : optionsValue };
}

function hasExpr(o: Record<string, XValue | undefined> | null): boolean {
  return !!o && Object.values(o).some((v) => v?.kind === "expr");
}
