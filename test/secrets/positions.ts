// Every place a named value can take in a policy, for the secret named value tests: each position
// is a policy document using `{{s}}` (and `{{jwtkey}}`), the request that exercises it and the
// fragment it includes. Used in process (positions.test.ts) and through dist/cli.js (cli-build.test.ts).
import { createHmac, randomBytes } from "node:crypto";

/** A secret made of distinctive random bytes, valid in every position (no quote, brace or space). */
export function makeSecrets() {
  const s = `sk-${randomBytes(16).toString("hex")}-Zq.~`;
  const jwtKey = randomBytes(32);
  return { s, jwtkey: jwtKey.toString("base64"), jwtKeyBytes: jwtKey };
}
export type Secrets = ReturnType<typeof makeSecrets>;

export interface Position {
  id: string;
  /** The policy document; `BACKEND` stands for the echo backend's base URL. */
  xml: string;
  /** The request; `SECRET` in a header value or body stands for the secret itself. */
  request?: { method?: string; path?: string; headers?: Record<string, string>; body?: string };
}

export const FRAGMENTS: Record<string, string> = {
  "secret-frag": `<fragment><set-header name="X-Frag" exists-action="override"><value>frag:{{s}}</value></set-header></fragment>`,
};

const doc = (inbound: string, outbound = "", backend = "<forward-request/>") =>
  `<policies>\n<inbound>\n${inbound}\n</inbound>\n<backend>\n${backend}\n</backend>\n<outbound>\n${outbound}\n</outbound>\n<on-error/>\n</policies>\n`;
const header = (name: string, value: string, action = "override") => `<set-header name="${name}" exists-action="${action}"><value>${value}</value></set-header>`;

export const POSITIONS: Position[] = [
  { id: "header-value", xml: doc(header("X-S", "{{s}}")) },
  { id: "header-value-affixed", xml: doc(header("X-S", "Bearer {{s}}; tail")) },
  { id: "header-append", xml: doc(`<set-header name="X-M" exists-action="append"><value>one</value><value>{{s}}</value></set-header>`) },
  { id: "query-parameter", xml: doc(`<set-query-parameter name="k" exists-action="override"><value>{{s}}</value></set-query-parameter>`) },
  { id: "variable-literal", xml: doc(`<set-variable name="v" value="pre-{{s}}" />${header("X-V", `@((string)context.Variables["v"])`)}`) },
  { id: "csharp-string", xml: doc(header("X-C", `@("a" + "{{s}}".ToUpper() + "z")`)) },
  { id: "csharp-interpolation", xml: doc(header("X-I", `@($"id={{s}}&amp;n={1 + 1}")`)) },
  { id: "csharp-verbatim", xml: doc(header("X-V", `@(@"v:{{s}}")`)) },
  { id: "csharp-block", xml: doc(header("X-B", `@{ var parts = "{{s}}".Split('-'); return parts[0] + "|" + parts.Length; }`)) },
  { id: "csharp-length-and-compare", xml: doc(header("X-L", `@("{{s}}".Length.ToString() + ("{{s}}" == "nope" ? "eq" : "ne"))`)) },
  { id: "body-literal", xml: doc(`<set-body>payload {{s}} end</set-body>`), request: { method: "POST", body: "in" } },
  { id: "body-expression", xml: doc(`<set-body>@("in:" + context.Request.Body.As&lt;string&gt;() + ":{{s}}")</set-body>`), request: { method: "POST", body: "orig" } },
  { id: "body-liquid", xml: doc(`<set-body template="liquid">{"k":"{{s}}","m":"{{context.Request.Method}}"}</set-body>`), request: { method: "POST", body: "{}" } },
  { id: "backend-base-url", xml: doc(`<set-backend-service base-url="BACKEND/base/{{s}}" />`) },
  { id: "rewrite-uri", xml: doc(`<rewrite-uri template="/r/{{s}}/x" />`) },
  { id: "authentication-basic-password", xml: doc(`<authentication-basic username="svc" password="{{s}}" />`) },
  { id: "authentication-basic-username", xml: doc(`<authentication-basic username="{{s}}" password="pw" />`) },
  {
    id: "send-request",
    xml: doc(
      `<send-request mode="new" response-variable-name="side" timeout="5"><set-url>BACKEND/side?key={{s}}</set-url><set-method>POST</set-method>` +
        `${header("X-Side", "{{s}}")}<set-body>side {{s}}</set-body></send-request>` +
        header("X-Side-Body", `@(((IResponse)context.Variables["side"]).Body.As&lt;string&gt;().Length.ToString())`),
    ),
  },
  { id: "return-response", xml: doc(`<return-response><set-status code="201" reason="Made" />${header("X-R", "{{s}}")}<set-body>r={{s}}</set-body></return-response>`) },
  { id: "outbound-header-and-body", xml: doc("", `${header("X-Out", "{{s}}")}<set-body>@("out:" + "{{s}}")</set-body>`) },
  { id: "check-header-pass", xml: doc(`<check-header name="X-Key" failed-check-httpcode="401" failed-check-error-message="denied" ignore-case="false"><value>{{s}}</value></check-header>`), request: { headers: { "X-Key": "SECRET" } } },
  { id: "check-header-fail", xml: doc(`<check-header name="X-Key" failed-check-httpcode="401" failed-check-error-message="denied" ignore-case="false"><value>{{s}}</value></check-header>`), request: { headers: { "X-Key": "wrong" } } },
  {
    id: "choose-condition",
    xml: doc(`<choose><when condition="@(context.Request.Headers.GetValueOrDefault(&quot;X-Key&quot;, &quot;&quot;) == &quot;{{s}}&quot;)">${header("X-Match", "yes")}</when><otherwise>${header("X-Match", "no")}</otherwise></choose>`),
    request: { headers: { "X-Key": "SECRET" } },
  },
  { id: "fragment", xml: doc(`<include-fragment fragment-id="secret-frag" />`) },
  { id: "validate-jwt-key", xml: doc(`<validate-jwt header-name="Authorization" require-scheme="Bearer"><issuer-signing-keys><key>{{jwtkey}}</key></issuer-signing-keys></validate-jwt>`), request: { headers: { Authorization: "Bearer JWT" } } },
  { id: "trace-message", xml: doc(`<trace source="t"><message>m:{{s}}</message></trace>${header("X-T", "traced")}`) },
  { id: "not-nested", xml: doc(header("X-N", "{{nested}}")) },
];

/** The request of a position with its placeholders filled in. */
export function requestOf(p: Position, secrets: Secrets): { method: string; path: string; headers: Record<string, string>; body?: string } {
  const fill = (t: string) => t.replace(/SECRET/g, secrets.s).replace(/^Bearer JWT$/, `Bearer ${jwt(secrets.jwtKeyBytes)}`);
  return {
    method: p.request?.method ?? "GET",
    path: p.request?.path ?? "/",
    headers: Object.fromEntries(Object.entries(p.request?.headers ?? {}).map(([k, v]) => [k, fill(v)])),
    body: p.request?.body,
  };
}

function jwt(key: Buffer): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const head = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub: "a", exp: Math.floor(Date.now() / 1000) + 600 })}`;
  return `${head}.${createHmac("sha256", key).update(head).digest("base64url")}`;
}

/** The named values: `{{nested}}` is a secret whose text names another named value (APIM does not nest). */
export function namedValues(secrets: Secrets, secret: boolean) {
  const v = (value: string) => (secret ? { value, secret: true } : value);
  return { s: v(secrets.s), jwtkey: v(secrets.jwtkey), nested: v("{{plain}}"), plain: "plain-text" };
}

/**
 * The forms a secret could take in a file: as is, JSON- and \u-escaped, URL-encoded, hex, and
 * base64 / base64url at each of the three alignments (inner blocks only, so bytes around it do not matter).
 */
export function leakForms(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const forms = new Set<string>([
    secret,
    JSON.stringify(secret).slice(1, -1),
    secret.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
    encodeURIComponent(secret),
    bytes.toString("hex"),
  ]);
  for (let pad = 0; pad < 3; pad++) {
    const padded = Buffer.concat([Buffer.alloc(pad, 0x41), bytes]);
    for (const enc of ["base64", "base64url"] as const) {
      const t = padded.toString(enc).replace(/=+$/, "");
      const inner = t.slice(4, t.length - 4);
      if (inner.length >= 12) forms.add(inner);
    }
  }
  return [...forms];
}

/** The first form of any secret found in `text`, or null. */
export function findLeak(text: string, secrets: string[]): string | null {
  for (const s of secrets) for (const f of leakForms(s)) if (text.includes(f)) return f;
  return null;
}
