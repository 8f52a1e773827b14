// The APIM `context` object model (apim-semantics §3), lowered to the runtime/context.ts shapes.
import { ident, js, rt, type Code } from "../../codegen/code.js";
import { I, M, P, type } from "./dsl.js";
import { tryParse } from "./system.js";
import { typeName, type Type } from "../types.js";

const prop = (sig: string) => {
  const name = /(\w+)$/.exec(sig)![1]!;
  return P(sig, (r) => js`${r}.${ident(name)}`);
};

type("Microsoft.Azure.ApiManagement", "IContext", {}, [
  P("IRequest Request", (r) => js`${r}.Request`),
  P("IResponse Response", (r) => js`${r}.Response`),
  P("IReadOnlyVariables Variables", (r) => js`${r}.Variables`),
  P("IApi Api", (r) => js`${r}.Api`),
  P("IOperation Operation", (r) => js`${r}.Operation`),
  P("IProduct Product", (r) => js`${r}.Product`),
  P("ISubscription Subscription", (r) => js`${r}.Subscription`),
  P("IUser User", (r) => js`${r}.User`),
  P("IDeployment Deployment", (r) => js`${r}.Deployment`),
  P("ILastError LastError", (r) => js`${r}.LastError`),
  P("IGraphQL GraphQL", (r) => js`${r}.GraphQL`),
  P("IGraphQLParentResult ParentResult", (r) => js`${r}.ParentResult`),
  P("Guid RequestId", (r) => js`${r}.RequestId`),
  P("DateTime Timestamp", (r) => js`${rt("DateTime")}.fromMs(${r}.$timestampMs, 1)`),
  P("TimeSpan Elapsed", (r) => js`${rt("TimeSpan")}.fromMs(${r}.$elapsedMs)`),
  P("bool Tracing", (r) => js`${r}.Tracing`),
  M("void Trace(string message)", (r, a) => js`${r}.Trace(${a[0]})`),
]);

type("Microsoft.Azure.ApiManagement", "IRequest", {}, [
  prop("string Method"),
  prop("IUrl Url"),
  prop("IUrl OriginalUrl"),
  P("IHeaders Headers", (r) => js`${r}.Headers`),
  P("IMessageBody Body", (r) => js`${r}.Body`),
  prop("string IpAddress"),
  P("IReadOnlyDictionary<string, string> MatchedParameters", (r) => js`${r}.MatchedParameters`),
  P("X509Certificate2 Certificate", (r) => js`${r}.Certificate`),
]);

type("Microsoft.Azure.ApiManagement", "IResponse", { test: (v) => js`${rt("isResponse")}(${v})` }, [
  P("int StatusCode", (r) => js`${r}.StatusCode`),
  P("string StatusReason", (r) => js`${r}.StatusReason`),
  P("IHeaders Headers", (r) => js`${r}.Headers`),
  P("IMessageBody Body", (r) => js`${r}.Body`),
]);

/**
 * A header name written as a string literal is lower-cased at compile time, so the lookup skips
 * the per-call `toLowerCase` (header names are case-insensitive; query names are not).
 */
function literalHeaderKey(arg: Code | undefined): string | null {
  const m = /^"([!#$%&'*+\-.^_`|~0-9A-Za-z]+)"$/.exec(String(arg));
  return m ? m[1]!.toLowerCase() : null;
}

// Headers and query: the runtime HeaderMap/QueryMap have the .NET member names.
for (const name of ["IHeaders", "IQuery"]) {
  const headers = name === "IHeaders";
  const lower = (a: Code[]) => (headers ? literalHeaderKey(a[0]) : null);
  type("Microsoft.Azure.ApiManagement", name, { interfaces: ["IReadOnlyDictionary<string, string[]>"] }, [
    M("string GetValueOrDefault(string name)", (r, a) => (lower(a) ? js`${r}.valueLower(${lower(a)}, null)` : js`${r}.GetValueOrDefault(${a[0]}, null)`)),
    M("string GetValueOrDefault(string name, string defaultValue)", (r, a) =>
      lower(a) ? js`${r}.valueLower(${lower(a)}, ${a[1]})` : js`${r}.GetValueOrDefault(${a[0]}, ${a[1]})`,
    ),
    I("string[] this[string name]", (r, a) => js`${r}.Item(${a[0]})`),
    M("bool ContainsKey(string name)", (r, a) => (lower(a) ? js`${r}.hasLower(${lower(a)})` : js`${r}.ContainsKey(${a[0]})`)),
    M("bool TryGetValue(string name, out string[] value)", (r, a, x) => tryParse(js`${r}.TryGetValue(${a[0]})`, a[1]!, x, js`null`)),
    P("int Count", (r) => js`${r}.Count`),
    P("IEnumerable<string> Keys", (r) => js`${r}.Keys`),
    P("IEnumerable<string[]> Values", (r) => js`${r}.Values`),
  ]);
}

type("Microsoft.Azure.ApiManagement", "IReadOnlyVariables", { interfaces: ["IReadOnlyDictionary<string, object>"] }, [
  I("object this[string name]", (r, a) => js`${r}.Item(${a[0]})`),
  M("bool ContainsKey(string name)", (r, a) => js`${r}.ContainsKey(${a[0]})`),
  M("bool TryGetValue(string name, out object value)", (r, a, x) => {
    const t = x.temp();
    return js`(${r}.has(${t} = ${a[0]}) ? (${a[1]} = ${r}.get(${t}), true) : (${a[1]} = null, false))`;
  }),
  // Lenient: a plain number converts to the numeric T asked for; string and bool casts are the strict ones.
  M("T GetValueOrDefault<T>(string name)", (r, a, x) => lenientCast(js`${r}.GetValueOrDefault(${a[0]}, null)`, x.typeArgs[0]!)),
  M("T GetValueOrDefault<T>(string name, T defaultValue)", (r, a, x) => lenientCast(js`${r}.GetValueOrDefault(${a[0]}, ${a[1]})`, x.typeArgs[0]!)),
  M("object GetValueOrDefault(string name)", (r, a) => js`${r}.GetValueOrDefault(${a[0]}, null)`),
  P("int Count", (r) => js`${r}.Count`),
  P("IEnumerable<string> Keys", (r) => js`${r}.Keys`),
]);

let castKey: (t: Type) => Code = () => js`"object"`;
export function setCastKey(f: (t: Type) => Code): void {
  castKey = f;
}
/** GetValueOrDefault<T>'s conversion: lenient (a plain number converts to the numeric T); string and bool as strict casts. */
function lenientCast(code: Code, t: Type): Code {
  const n = typeName(t);
  if (n === "string") return js`${rt("castString")}(${code})`;
  if (n === "bool") return js`${rt("castBool")}(${code})`;
  return js`${rt("castTo")}(${code}, ${castKey(t)}, true)`;
}

type("Microsoft.Azure.ApiManagement", "IUrl", {}, [
  prop("string Scheme"),
  prop("string Host"),
  prop("int Port"),
  prop("string Path"),
  P("IQuery Query", (r) => js`${r}.Query`),
  prop("string QueryString"),
  M("string ToString()", (r) => js`${r}.ToString()`),
  M("Uri ToUri()", (r) => js`${rt("Uri")}.parse(${r}.ToString())`),
]);

type("Microsoft.Azure.ApiManagement", "IMessageBody", {}, [
  M("T As<T>(bool preserveContent = false)", (r, a, x) => js`${r}.As(${bodyTarget(x.typeArgs[0]!)}, ${a[0]})`),
  M("IDictionary<string, IList<string>> AsFormUrlEncodedContent(bool preserveContent = false)", (r, a) => js`${rt("formDict")}(${r}.AsFormUrlEncodedContent(${a[0]}))`),
]);
let bodyTarget: (t: Type) => Code = () => js`"string"`;
export function setBodyTarget(f: (t: Type) => Code): void {
  bodyTarget = f;
}

type("Microsoft.Azure.ApiManagement", "IApi", {}, [
  prop("string Id"),
  prop("string Name"),
  prop("string Path"),
  P("IEnumerable<string> Protocols", (r) => js`${r}.Protocols`),
  prop("IUrl ServiceUrl"),
  prop("bool IsCurrentRevision"),
  prop("string Revision"),
  prop("string Version"),
  P("ISubscriptionKeyParameterNames SubscriptionKeyParameterNames", (r) => js`${r}.SubscriptionKeyParameterNames`),
]);
type("Microsoft.Azure.ApiManagement", "ISubscriptionKeyParameterNames", {}, [prop("string Header"), prop("string Query")]);
type("Microsoft.Azure.ApiManagement", "IOperation", {}, [prop("string Id"), prop("string Name"), prop("string Method"), prop("string UrlTemplate")]);
type("Microsoft.Azure.ApiManagement", "IGroup", {}, [prop("string Id"), prop("string Name")]);
type("Microsoft.Azure.ApiManagement", "IUserIdentity", {}, [prop("string Id"), prop("string Provider")]);
type("Microsoft.Azure.ApiManagement", "IProduct", {}, [
  prop("string Id"),
  prop("string Name"),
  prop("bool ApprovalRequired"),
  P("IEnumerable<IGroup> Groups", (r) => js`${r}.Groups`),
  prop("string State"),
  prop("int? SubscriptionsLimit"),
  prop("bool SubscriptionRequired"),
]);
type("Microsoft.Azure.ApiManagement", "ISubscription", {}, [
  prop("string Id"),
  prop("string Name"),
  prop("string Key"),
  prop("string PrimaryKey"),
  prop("string SecondaryKey"),
  P("DateTime CreatedDate", (r) => js`${rt("DateTime")}.fromMs(${r}.CreatedDateMs, 1)`),
  P("DateTime? StartDate", (r) => js`${rt("DateTime")}.fromMsOrNull(${r}.StartDateMs, 1)`),
  P("DateTime? EndDate", (r) => js`${rt("DateTime")}.fromMsOrNull(${r}.EndDateMs, 1)`),
]);
type("Microsoft.Azure.ApiManagement", "IUser", {}, [
  prop("string Id"),
  prop("string Email"),
  prop("string FirstName"),
  prop("string LastName"),
  prop("string Note"),
  P("IEnumerable<IGroup> Groups", (r) => js`${r}.Groups`),
  P("IEnumerable<IUserIdentity> Identities", (r) => js`${r}.Identities`),
  P("DateTime RegistrationDate", (r) => js`${rt("DateTime")}.fromMs(${r}.RegistrationDateMs, 1)`),
]);
type("Microsoft.Azure.ApiManagement", "IDeployment", {}, [
  prop("string GatewayId"),
  prop("string Region"),
  prop("string ServiceId"),
  prop("string ServiceName"),
  P("IReadOnlyDictionary<string, X509Certificate2> Certificates", (r) => js`(${r}.Certificates ?? new Map())`),
]);
type("Microsoft.Azure.ApiManagement", "ILastError", {}, [
  prop("string Source"),
  prop("string Reason"),
  prop("string Message"),
  prop("string Scope"),
  prop("string Section"),
  prop("string Path"),
  prop("string PolicyId"),
]);

// context.GraphQL inside a resolver (http-data-source): the field's arguments and the parent
// object's value (null outside a resolver, and Parent null for root fields).
type("Microsoft.Azure.ApiManagement", "IGraphQL", {}, [
  P("JObject Arguments", (r) => js`${r}.Arguments`),
  P("JObject Parent", (r) => js`${r}.Parent`),
]);

// context.ParentResult inside a set-graphql-resolver resolver (the retired policy's page): the parent
// object's value, read with AsJObject() (the runtime holds it as that JObject; null for root fields).
type("Microsoft.Azure.ApiManagement", "IGraphQLParentResult", {}, [M("JObject AsJObject()", (r) => js`${r}`)]);

// Client certificates (X509Certificate2): compiler/csharp/surface/x509.ts.

// The value get-authorization-context stores (the APIM credential manager: Azure-only, the policy
// itself is rejected by the compiler; expressions that read the variable still type-check).
type("Microsoft.Azure.ApiManagement", "Authorization", {}, [
  prop("string AccessToken"),
  P("IReadOnlyDictionary<string, object> Claims", (r) => js`${r}.Claims`),
]);
