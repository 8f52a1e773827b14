// The policy-execution cases: a policy document, the request it runs on, the backend's answer, and
// the hand-written floor: the same work on the same runtime objects (Context, HeaderMap,
// MessageBody, OutgoingRequest), written the way an expert would write it for this one policy.
//
// Rules for the floor, so the comparison stays fair:
// - Same observable effects: the request sent to the backend (method, URL, headers, body), the
//   requests sent to send-request / send-one-way-request targets, and the response to the client
//   (status, reason, headers, body) are compared before timing; a mismatch fails the case.
// - Same runtime objects and the same mock transports; no precomputation the policy does not do.
// - The floor may keep values in locals instead of `context.Variables` (variables are not
//   observable outside the pipeline) and may skip checks the policy's literals make unnecessary.
import { readFileSync } from "node:fs";
import { createHmac } from "node:crypto";
import { join } from "node:path";
import { BENCH_DIR, CORPUS } from "../lib/util.mjs";

const P = (f) => readFileSync(join(BENCH_DIR, "policies", f), "utf8");
const NL = (s) => s.replace(/\n/g, "\r\n"); // Newtonsoft's indented output uses Windows newlines

const BACKEND_JSON = JSON.stringify({ id: 42, status: "shipped", lines: [{ sku: "a-1", qty: 2 }, { sku: "b-7", qty: 1 }], note: "hello from the backend" });
const ACTIVE_JSON = JSON.stringify({ active: true, scope: "read write", client_id: "bench", username: "jdoe", exp: 4102444800 });
const REQUEST_JSON = JSON.stringify({ customer: { id: "c-9", name: "Ann" }, items: [{ qty: 2, price: 9.5 }, { qty: 1, price: 20.25 }, { qty: 3, price: 1.5 }], note: "rush" });

const BROWSER_HEADERS = {
  Host: "api.contoso.com",
  "User-Agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1",
  Accept: "application/json",
  "Accept-Language": "en-GB,en;q=0.9",
  "Accept-Encoding": "gzip, deflate, br",
  "X-Internal-Secret": "do-not-forward",
};

/** @typedef {{ name: string, title: string, xml: string, file: string, namedValues?: Record<string,string>, request: object, backend: object, caller?: object, volatile?: string[], hand: Function }} Case */

/** @type {Case[]} */
export const CASES = [
  {
    name: "headers",
    title: "header-only (3 inbound, 3 outbound set-header, literals)",
    file: "headers.xml",
    xml: P("headers.xml"),
    request: { method: "GET", url: "https://api.contoso.com/orders/42", headers: BROWSER_HEADERS },
    backend: { status: 200, body: BACKEND_JSON },
    hand: (rt, { FWD }) => {
      const XFP = Object.freeze({ name: "X-Forwarded-Proto", values: Object.freeze(["https"]) });
      const VER = Object.freeze({ name: "X-Api-Version", values: Object.freeze(["2024-01-01"]) });
      const SRV = Object.freeze({ name: "Server", values: Object.freeze(["gateway"]) });
      const CC = Object.freeze({ name: "Cache-Control", values: Object.freeze(["no-store"]) });
      return async (ctx, host) => {
        const h = ctx.Request.Headers.m;
        h.set("x-forwarded-proto", XFP);
        if (!h.has("x-api-version")) h.set("x-api-version", VER);
        h.delete("x-internal-secret");
        ctx.Response = await host.forward(ctx, FWD);
        const r = ctx.Response.Headers.m;
        r.delete("x-powered-by");
        r.set("server", SRV);
        r.set("cache-control", CC);
      };
    },
  },
  {
    name: "choose",
    title: "choose over variables and headers",
    file: "choose.xml",
    xml: P("choose.xml"),
    request: { method: "GET", url: "https://api.contoso.com/orders/42?debug=1", headers: { ...BROWSER_HEADERS, "X-Tier": "gold", "X-Partner": "acme" } },
    backend: { status: 200, body: BACKEND_JSON },
    hand: (rt, { FWD }) => {
      const HIGH = Object.freeze({ name: "X-Rate-Class", values: Object.freeze(["high"]) });
      const MEDIUM = Object.freeze({ name: "X-Rate-Class", values: Object.freeze(["medium"]) });
      const LOW = Object.freeze({ name: "X-Rate-Class", values: Object.freeze(["low"]) });
      const joined = (e, d) => (e === undefined ? d : e.values.length === 1 ? e.values[0] : e.values.join(","));
      return async (ctx, host) => {
        const h = ctx.Request.Headers.m;
        const tier = joined(h.get("x-tier"), "free");
        const mobile = joined(h.get("user-agent"), "").includes("Mobile");
        if (tier === "gold" && !mobile) h.set("x-rate-class", HIGH);
        else if (tier === "silver" || h.has("x-partner")) h.set("x-rate-class", MEDIUM);
        else h.set("x-rate-class", LOW);
        const debug = ctx.Request.Method === "GET" && ctx.Request.Url.Query.GetValueOrDefault("debug", "") === "1";
        void debug;
        ctx.Response = await host.forward(ctx, FWD);
        const status = ctx.Response.StatusCode;
        if (status >= 400) ctx.Response.Headers.m.set("x-error-class", { name: "X-Error-Class", values: [status >= 500 ? "server" : "client"] });
        else ctx.Response.Headers.m.set("x-tier", { name: "X-Tier", values: [tier] });
      };
    },
  },
  {
    name: "token",
    title: "token introspection: send-request (in-process mock) + JObject + return-response",
    file: "token.xml",
    xml: P("token.xml"),
    namedValues: { "token-server": "http://127.0.0.1:9" },
    request: { method: "GET", url: "https://api.contoso.com/orders/42", headers: { ...BROWSER_HEADERS, Authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqZG9lIn0.c2lnbmF0dXJl" } },
    backend: { status: 200, body: BACKEND_JSON },
    sendResponse: { status: 200, headers: { "Content-Type": "application/json" }, body: ACTIVE_JSON },
    hand: (rt, { FWD, mocks }) => {
      const AUTH = Object.freeze({ name: "Authorization", values: Object.freeze(["basic dXNlcm5hbWU6cGFzc3dvcmQ="]) });
      const CT = Object.freeze({ name: "Content-Type", values: Object.freeze(["application/x-www-form-urlencoded"]) });
      const WWW = Object.freeze({ name: "WWW-Authenticate", values: Object.freeze(['Bearer error="invalid_token"']) });
      const GW = Object.freeze({ name: "X-Gateway", values: Object.freeze(["apimc"]) });
      const OPTS = Object.freeze({ timeoutMs: 5000, certificate: null, proxy: null });
      const fail = (ctx, reason) => {
        const res = new rt.ResponseMessage(503, "Service Unavailable", new rt.HeaderMap("response"), null);
        res.Headers.m.set("x-error", { name: "X-Error", values: [reason] });
        ctx.Response = res;
      };
      return async (ctx, host) => {
        const h = ctx.Request.Headers.m;
        const e = h.get("authorization");
        const auth = e === undefined ? "scheme param" : e.values.join(",");
        const token = auth.slice(auth.lastIndexOf(" ") + 1);
        const rq = new rt.OutgoingRequest();
        rq.url = "http://127.0.0.1:9/introspection";
        rq.Method = "POST";
        rq.Headers.m.set("authorization", AUTH);
        rq.Headers.m.set("content-type", CT);
        rq.Body = new rt.MessageBody("token=" + token);
        let active;
        try {
          const res = await mocks.sendRequest(rq, OPTS);
          active = JSON.parse(res.Body.content().toString("utf8")).active;
        } catch (err) {
          return fail(ctx, err?.reason ?? "ExpressionValueEvaluationFailure");
        }
        if (typeof active !== "boolean") return fail(ctx, "ExpressionValueEvaluationFailure");
        if (active === false) {
          const res = new rt.ResponseMessage(401, "Unauthorized", new rt.HeaderMap("response"), null);
          res.Headers.m.set("www-authenticate", WWW);
          ctx.Response = res;
          ctx.Request.Body = null;
          return;
        }
        h.set("x-forwarded-host", { name: "X-Forwarded-Host", values: [ctx.Request.Url.Host] });
        try {
          ctx.Response = await host.forward(ctx, FWD);
        } catch (err) {
          return fail(ctx, err?.reason ?? "BackendConnectionFailure");
        }
        const r = ctx.Response.Headers.m;
        r.delete("x-powered-by");
        r.set("x-gateway", GW);
      };
    },
  },
  {
    name: "jobject",
    title: "JObject body transform (request and response)",
    file: "jobject.xml",
    xml: P("jobject.xml"),
    request: { method: "POST", url: "https://api.contoso.com/orders", headers: { ...BROWSER_HEADERS, "Content-Type": "application/json" }, body: REQUEST_JSON },
    backend: { status: 200, body: BACKEND_JSON },
    hand: (rt, { FWD }) => {
      return async (ctx, host) => {
        const body = JSON.parse(ctx.Request.Body.content().toString("utf8"));
        body.customerId = body.customer.id;
        delete body.customer;
        let total = 0;
        for (const i of body.items) total += i.qty * i.price;
        body.total = total;
        body.source = "apim";
        ctx.Request.Body = new rt.MessageBody(JSON.stringify(body, null, 2).replace(/\n/g, "\r\n"));
        ctx.Response = await host.forward(ctx, FWD);
        const r = JSON.parse(ctx.Response.Body.content().toString("utf8"));
        ctx.Response.Body = new rt.MessageBody(JSON.stringify({ id: r.id, status: r.status.toUpperCase(), count: r.lines.length }));
      };
    },
  },
  {
    name: "strings",
    title: "string-heavy expressions (Split, Substring, Format, interpolation, PadLeft)",
    file: "strings.xml",
    xml: P("strings.xml"),
    request: { method: "GET", url: "https://api.contoso.com/V2/Orders/42/Lines/", headers: { ...BROWSER_HEADERS, "X-Region": "  WestEurope " } },
    backend: { status: 200, body: BACKEND_JSON },
    hand: (rt, { FWD }) => {
      return async (ctx, host) => {
        const h = ctx.Request.Headers.m;
        let path = ctx.Request.Url.Path.toLowerCase();
        let end = path.length;
        while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
        path = path.slice(0, end);
        let segments = 0;
        for (const s of path.split("/")) if (s !== "") segments++;
        const uaE = h.get("user-agent");
        const ua = uaE === undefined ? "unknown/0" : uaE.values.join(",");
        const slash = ua.indexOf("/");
        const client = (slash > 0 ? ua.slice(0, slash) : ua).replaceAll(" ", "-").toUpperCase();
        h.set("x-request-key", { name: "X-Request-Key", values: [`${ctx.Request.Method}:${path}:${segments}`] });
        const regE = h.get("x-region");
        const region = (regE === undefined ? "eu" : regE.values.join(",")).trim().toLowerCase();
        h.set("x-client", { name: "X-Client", values: [`${client}/${region}`] });
        if (!h.has("x-correlation"))
          h.set("x-correlation", { name: "X-Correlation", values: [`apim-${ctx.Request.Url.Host.split(".")[0]}-${path.startsWith("/v2") ? "v2" : "v1"}`] });
        ctx.Response = await host.forward(ctx, FWD);
        const res = ctx.Response;
        res.Headers.m.set("x-served", { name: "X-Served", values: [`${res.StatusCode} ${res.StatusReason.toLowerCase()} ${client.padStart(12, ".")}`] });
      };
    },
  },
  {
    name: "alert",
    title: "send-one-way-request alert on 5xx (JObject body, String.Format; mock transport)",
    file: "alert.xml",
    xml: P("alert.xml"),
    namedValues: { webhook: "http://127.0.0.1:9" },
    request: { method: "GET", url: "https://api.contoso.com/orders/42?expand=lines&x=1", headers: BROWSER_HEADERS },
    caller: { user: { Email: "jdoe@contoso.com" } },
    backend: { status: 500, body: '{"error":"boom"}' },
    hand: (rt, { FWD, mocks }) => {
      const CHECKED = Object.freeze({ name: "X-Checked-By", values: Object.freeze(["apimc", "alerts"]) });
      const COOKIE = Object.freeze(["seen=1; Path=/"]);
      const OPTS = Object.freeze({ timeoutMs: 20000, certificate: null, proxy: null });
      return async (ctx, host) => {
        ctx.Response = await host.forward(ctx, FWD);
        const res = ctx.Response;
        if (res.StatusCode >= 500) {
          const rqm = ctx.Request;
          const u = rqm.Url;
          const text = `${rqm.Method} ${u.Path}${u.QueryString}\nHost: ${u.Host}\n${res.StatusCode} ${res.StatusReason}\n User: ${ctx.User.Email}`;
          const rq = new rt.OutgoingRequest();
          rq.url = "http://127.0.0.1:9/alerts";
          rq.Method = "POST";
          rq.Body = new rt.MessageBody(JSON.stringify({ username: "APIM Alert", icon_emoji: ":ghost:", text }, null, 2).replace(/\n/g, "\r\n"));
          mocks.sendOneWay(ctx, rq, OPTS);
        }
        res.Headers.m.set("x-checked-by", CHECKED);
        res.Headers.appendValues("Set-Cookie", COOKIE);
      };
    },
  },
  {
    name: "twenty",
    title: "a 20-policy document (variables, headers, query, choose, DateTime)",
    file: "twenty.xml",
    xml: P("twenty.xml"),
    request: { method: "GET", url: "https://api.contoso.com/orders/42?expand=lines", headers: { ...BROWSER_HEADERS, "X-Tenant": "contoso" } },
    backend: { status: 200, body: BACKEND_JSON },
    volatile: ["x-elapsed-ticks"],
    hand: (rt, { FWD }) => {
      const XFP = Object.freeze({ name: "X-Forwarded-Proto", values: Object.freeze(["https"]) });
      const SRV = Object.freeze({ name: "Server", values: Object.freeze(["gateway"]) });
      const HSTS = Object.freeze({ name: "Strict-Transport-Security", values: Object.freeze(["max-age=31536000"]) });
      const NOSNIFF = Object.freeze({ name: "X-Content-Type-Options", values: Object.freeze(["nosniff"]) });
      const joined = (e, d) => (e === undefined ? d : e.values.length === 1 ? e.values[0] : e.values.join(","));
      return async (ctx, host) => {
        const started = Date.now();
        const h = ctx.Request.Headers.m;
        const tenant = joined(h.get("x-tenant"), "default");
        const al = joined(h.get("accept-language"), "en");
        const comma = al.indexOf(",");
        const lang = comma === -1 ? al : al.slice(0, comma);
        h.set("x-forwarded-proto", XFP);
        h.set("x-tenant", { name: "X-Tenant", values: [tenant] });
        h.set("x-lang", { name: "X-Lang", values: [lang] });
        h.delete("x-internal");
        const q = ctx.Request.Url.Query.m;
        if (!q.has("api-version")) q.set("api-version", ["2024-01-01"]);
        q.set("tenant", [tenant]);
        if (h.has("x-block")) {
          ctx.Response = new rt.ResponseMessage(403, "Forbidden", new rt.HeaderMap("response"), null);
          ctx.Request.Body = null;
          return;
        }
        if (!h.has("x-request-id")) h.set("x-request-id", { name: "X-Request-Id", values: [ctx.RequestId] });
        h.set("x-api", { name: "X-Api", values: [ctx.Api.Name] });
        ctx.Response = await host.forward(ctx, FWD);
        const r = ctx.Response.Headers.m;
        r.delete("x-powered-by");
        r.delete("x-aspnet-version");
        r.set("server", SRV);
        r.set("x-tenant", { name: "X-Tenant", values: [tenant] });
        r.set("strict-transport-security", HSTS);
        r.set("x-content-type-options", NOSNIFF);
        const elapsedTicks = (Date.now() - started) * 10000;
        r.set("x-elapsed-ticks", { name: "X-Elapsed-Ticks", values: [String(elapsedTicks)] });
      };
    },
  },
  {
    name: "corpus-jwt",
    title: "corpus: snippets/examples/Create-HMAC-SHA256-Signed-JWT (HMAC, Base64, JSON)",
    file: "Create-HMAC-SHA256-Signed-JWT.policy.xml",
    xml: readFileSync(join(CORPUS, "snippets/examples/Create-HMAC-SHA256-Signed-JWT.policy.xml"), "utf8"),
    namedValues: { "hashing-secret": "s3cr3t-0123456789" },
    request: { method: "GET", url: "https://api.contoso.com/orders/42", headers: BROWSER_HEADERS },
    backend: { status: 200, body: BACKEND_JSON },
    hand: (rt, { FWD }) => {
      const b64url = (s) => Buffer.from(s, "utf8").toString("base64url");
      return async (ctx, host) => {
        const header = b64url(JSON.stringify({ typ: "JWT", alg: "HS256" }));
        const exp = Math.floor((Date.now() + 10 * 60_000) / 1000);
        const payload = b64url(JSON.stringify({ exp, username: "john_doe" }));
        const sig = createHmac("sha256", "s3cr3t-0123456789").update(`${header}.${payload}`).digest("base64url");
        ctx.Request.Headers.m.set("authorization", { name: "Authorization", values: [`Bearer ${header}.${payload}.${sig}`] });
        ctx.Response = await host.forward(ctx, FWD);
      };
    },
  },
];

/**
 * The same token-introspection policy with send-request going over loopback HTTP to a real
 * introspection server in another process; the floor calls undici's `request` itself.
 */
export const HTTP_CASES = [
  {
    name: "token-http",
    title: "token introspection over loopback HTTP (real server; floor: undici.request)",
    file: "token.xml",
    xml: P("token.xml"),
    http: true,
    request: { method: "GET", url: "https://api.contoso.com/orders/42", headers: { ...BROWSER_HEADERS, Authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqZG9lIn0.c2lnbmF0dXJl" } },
    backend: { status: 200, body: BACKEND_JSON },
    hand: (rt, { FWD, undici, tokenUrl }) => {
      const agent = new undici.Agent({ keepAliveTimeout: 10_000, connections: 256, pipelining: 1 });
      const GW = Object.freeze({ name: "X-Gateway", values: Object.freeze(["apimc"]) });
      const WWW = Object.freeze({ name: "WWW-Authenticate", values: Object.freeze(['Bearer error="invalid_token"']) });
      const fail = (ctx, reason) => {
        const res = new rt.ResponseMessage(503, "Service Unavailable", new rt.HeaderMap("response"), null);
        res.Headers.m.set("x-error", { name: "X-Error", values: [reason] });
        ctx.Response = res;
      };
      const target = `${tokenUrl}/introspection`;
      return async (ctx, host) => {
        const h = ctx.Request.Headers.m;
        const e = h.get("authorization");
        const auth = e === undefined ? "scheme param" : e.values.join(",");
        const token = auth.slice(auth.lastIndexOf(" ") + 1);
        let active;
        const ac = new AbortController();
        const timer = setTimeout(() => ac.abort(), 5000);
        try {
          const res = await undici.request(target, {
            method: "POST",
            headers: { Authorization: "basic dXNlcm5hbWU6cGFzc3dvcmQ=", "Content-Type": "application/x-www-form-urlencoded" },
            body: "token=" + token,
            dispatcher: agent,
            signal: ac.signal,
          });
          active = (await res.body.json()).active;
        } catch {
          return fail(ctx, "BackendConnectionFailure");
        } finally {
          clearTimeout(timer);
        }
        if (typeof active !== "boolean") return fail(ctx, "ExpressionValueEvaluationFailure");
        if (active === false) {
          const res = new rt.ResponseMessage(401, "Unauthorized", new rt.HeaderMap("response"), null);
          res.Headers.m.set("www-authenticate", WWW);
          ctx.Response = res;
          return;
        }
        h.set("x-forwarded-host", { name: "X-Forwarded-Host", values: [ctx.Request.Url.Host] });
        ctx.Response = await host.forward(ctx, FWD);
        const r = ctx.Response.Headers.m;
        r.delete("x-powered-by");
        r.set("x-gateway", GW);
      };
    },
  },
];

export const ALL_CASES = [...CASES, ...HTTP_CASES];
