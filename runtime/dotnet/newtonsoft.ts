// Newtonsoft.Json.Linq for policy expressions: JToken, JObject, JArray, JValue, JProperty with
// Newtonsoft's parsing (integers vs floats kept apart), indexers, explicit conversions, SelectToken
// (JSONPath subset) and serialization.
//
// Indented output (`ToString()`, Formatting.Indented) uses two spaces, `"name": value`, and
// Environment.NewLine of the APIM gateway, which runs .NET on Windows: "\r\n" (newline.ts).
// ISO date strings become Date tokens as with Newtonsoft's defaults (DateParseHandling.DateTime,
// DateTimeZoneHandling.RoundtripKind): "...Z" a Utc DateTime, "...+02:00" a Local one (converted; the
// gateway's local time is UTC), none an Unspecified one; written back in ISO form ("...T03:04:05.12Z").
//
// One module a topic, loaded here in the order they build on each other: json-tokens.ts (the token
// model; json-constructor.ts its JConstructor), json-writer.ts, json-convert.ts, json-reader.ts, json-path.ts. The last four install
// their members on the token classes (ToString, Parse, SelectToken), so code reaches the model
// through this module.
export * from "./json-tokens.js";
export * from "./json-constructor.js";
export * from "./json-writer.js";
export * from "./json-convert.js";
export * from "./json-reader.js";
export * from "./json-path.js";
export * from "./json-io.js";
