// Who may use the workbench (/_apimc/ and its API). It can read every policy and write policy files,
// so: a request from this machine (a loopback address, and a Host header naming a loopback name, so a
// web page whose DNS name was rebound to 127.0.0.1 cannot use it), or from anywhere with the trace
// key. Anything else is answered as if the path did not exist. A call that changes something (PUT,
// POST) also needs the header `x-apimc-workbench: 1`: a form or image on another site cannot set it.

/** What to answer: go on, 404 (reveal nothing), or 403 (known client, missing CSRF header). */
export type AccessDecision = "allow" | "not-found" | "forbidden";

export interface AccessRequest {
  /** The socket's remote address (`req.socket.remoteAddress`). */
  remoteAddress: string | undefined;
  method: string;
  /** The Host header ("" when missing). */
  host: string;
  /** The value of the trace header, or of `?key=`; undefined when neither was given. */
  key: string | undefined;
  /** The value of `x-apimc-workbench`. */
  csrf: string | undefined;
}

/** The header a state-changing call must carry (value "1"). */
export const CSRF_HEADER = "x-apimc-workbench";

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith("::ffff:") ? address.slice(7) : address;
  return a === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** `localhost`, `*.localhost`, 127.x.y.z and [::1], with an optional port. */
export function isLoopbackHost(host: string): boolean {
  let h = host.trim().toLowerCase();
  if (h.startsWith("[")) {
    const end = h.indexOf("]");
    if (end === -1) return false;
    const rest = h.slice(end + 1);
    if (rest !== "" && !/^:\d{1,5}$/.test(rest)) return false;
    return h.slice(1, end) === "::1";
  }
  const colon = h.indexOf(":");
  if (colon !== -1) {
    if (!/^\d{1,5}$/.test(h.slice(colon + 1))) return false;
    h = h.slice(0, colon);
  }
  return h === "localhost" || h.endsWith(".localhost") || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Compares without an early exit (the key is a secret). */
function sameKey(given: string, key: string): boolean {
  let diff = given.length ^ key.length;
  for (let i = 0; i < key.length; i++) diff |= key.charCodeAt(i) ^ given.charCodeAt(i % Math.max(given.length, 1));
  return diff === 0;
}

/** `traceKey`: the configuration's trace key (null: none, so only this machine may use the workbench). */
export function decideAccess(r: AccessRequest, traceKey: string | null): AccessDecision {
  const keyed = traceKey !== null && traceKey !== "" && r.key !== undefined && sameKey(r.key, traceKey);
  const local = isLoopback(r.remoteAddress) && isLoopbackHost(r.host);
  if (!keyed && !local) return "not-found";
  const m = r.method.toUpperCase();
  if (m !== "GET" && m !== "HEAD" && r.csrf !== "1") return "forbidden";
  return "allow";
}
