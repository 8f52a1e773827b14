// proxy: forward-request goes through an HTTP forward proxy (APIM's "Set HTTP proxy" page: only
// http:// between the gateway and the proxy, Basic credentials). http:// targets are sent to the
// proxy in absolute form, https:// targets through a CONNECT tunnel (undici's ProxyAgent does both).
import { ProxyAgent } from "undici";
import type { Context, ForwardProxy } from "../context.js";
import { PolicyError } from "../errors.js";
import { outgoingConnectOptions } from "../http.js";

/** The <proxy> policy: checks the URL (a policy expression's value at run time) and records it for forward-request. */
export function forwardProxy(ctx: Context, url: unknown, username: unknown, password: unknown): void {
  const origin = proxyOrigin(url);
  if (origin === null)
    throw new PolicyError("ExpressionValueEvaluationFailure", `proxy: '${String(url)}' is not a proxy URL of the form http://host:port (only HTTP is supported between the gateway and the proxy).`);
  const user = username == null ? "" : String(username);
  const pass = password == null ? "" : String(password);
  ctx.$forwardProxy = { origin, authorization: user || pass ? `Basic ${Buffer.from(`${user}:${pass}`, "utf8").toString("base64")}` : null };
}

/** The origin of an http:// proxy URL, or null when it is not one. */
export function proxyOrigin(url: unknown): string | null {
  if (typeof url !== "string") return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === "http:" && u.hostname !== "" ? u.origin : null;
  } catch {
    return null;
  }
}

/** One ProxyAgent per proxy and credential (it keeps its connections to the proxy alive). */
const agents = new Map<string, ProxyAgent>();
export function proxyDispatcher(p: ForwardProxy, own?: { key: string; connect: Record<string, unknown> }): ProxyAgent {
  const key = `${p.origin} ${p.authorization ?? ""} ${own?.key ?? ""}`;
  let a = agents.get(key);
  if (!a) {
    // proxyTunnel false: plain http:// targets go in absolute form (as .NET's WebProxy sends them); https:// still tunnel.
    // requestTls: the backend's TLS inside a CONNECT tunnel trusts what configureDispatcher set (a
    // private CA), with a backend entity's own options (validation off, a client certificate).
    const tls = own ? { ...outgoingConnectOptions(), ...own.connect } : outgoingConnectOptions();
    a = new ProxyAgent({ uri: p.origin, proxyTunnel: false, ...(p.authorization ? { token: p.authorization } : null), ...(tls ? { requestTls: tls } : null) });
    agents.set(key, a);
  }
  return a;
}

export function closeProxyDispatchers(): void {
  for (const a of agents.values()) a.close().catch(() => {});
  agents.clear();
}
