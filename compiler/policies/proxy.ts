// proxy: forward-request goes to the backend through an HTTP forward proxy ("Set HTTP proxy"
// reference page: inbound; url required, http://host:port only; username/password optional; all
// three take policy expressions). A literal url is checked here, an expression's value at run time.
import { js, rt } from "../codegen/code.js";
import { KNOWN_LATER } from "./values.js";
import { Codes } from "../diagnostics.js";
import type { XValue } from "../xml/parse.js";
import type { PolicyDef, PolicyNode } from "./types.js";

export interface ProxyNode extends PolicyNode {
  url: XValue;
  username: XValue | undefined;
  password: XValue | undefined;
}

export const proxy: PolicyDef<ProxyNode> = {
  name: "proxy",
  sections: ["inbound"],
  attributes: { url: { required: true }, username: {}, password: {} },
  parse(el, pc, base) {
    const a = pc.attrs(el, this.attributes);
    pc.elements(el).forEach((c) => pc.diags.error(Codes.UnexpectedChild, c.offset, "<proxy> takes no child elements."));
    const url = a.url;
    if (!url) return null;
    if (url.kind === "literal" && !KNOWN_LATER.test(url.text)) {
      url.text = url.text.trim();
      const problem = proxyUrlProblem(url.text);
      if (problem) {
        pc.diags.error(Codes.InvalidLiteral, url.offset, problem);
        return null;
      }
    }
    return { ...base, url, username: a.username, password: a.password };
  },
  emit(node, ec) {
    const v = (x: XValue | undefined) => (x === undefined ? js`null` : x.kind === "literal" ? js`${x.text}` : ec.value(x, "string"));
    return js`${rt("forwardProxy")}(ctx, ${v(node.url)}, ${v(node.username)}, ${v(node.password)});`;
  },
};

/** Why a literal proxy URL is not usable, or null. */
function proxyUrlProblem(text: string): string | null {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return `'url' must be a proxy URL of the form http://host:port, not '${text}'.`;
  }
  if (u.protocol === "https:") return `'url' is '${text}': only HTTP (not HTTPS) is supported between the gateway and the proxy; use http://host:port.`;
  if (u.protocol !== "http:" || u.hostname === "") return `'url' must be a proxy URL of the form http://host:port, not '${text}'.`;
  return null;
}
