// Converts body bytes to what `As<T>()` asks for. JSON and XML parsing live in the .NET shims.
import { DotNetException } from "./errors.js";
import { JToken, JObject, JArray } from "./dotnet/newtonsoft.js";
import { XDocument, XElement } from "./dotnet/xml.js";

export type BodyTarget = "string" | "byte[]" | "JObject" | "JToken" | "JArray" | "XNode" | "XElement" | "XDocument" | "form";

const utf8 = new TextDecoder("utf-8");

export function parseBodyAs(bytes: Buffer, target: BodyTarget): unknown {
  switch (target) {
    case "string":
      return utf8.decode(bytes);
    case "byte[]":
      return new Uint8Array(bytes);
    case "JObject":
      return JObject.Parse(utf8.decode(bytes));
    case "JToken":
      return JToken.Parse(utf8.decode(bytes));
    case "JArray":
      return JArray.Parse(utf8.decode(bytes));
    case "form":
      return parseForm(utf8.decode(bytes));
    case "XDocument":
    case "XNode":
      return XDocument.Parse(stripBom(utf8.decode(bytes)));
    case "XElement":
      return XElement.Parse(stripBom(utf8.decode(bytes)));
    default:
      throw new DotNetException("System.NotSupportedException", `Body.As<${target}>() is not supported yet by apimc.`);
  }
}

/** `application/x-www-form-urlencoded` → name → values, in order. */
function parseForm(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [k, v] of new URLSearchParams(text)) {
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}

function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
