// Values of an external (Redis) cache as text: cache-store-value's value, or a cached response.
// The memory cache keeps objects; Redis keeps strings, so a value goes through this codec and comes
// back a copy of the same .NET type. JSON tokens go as JSON text (as a Newtonsoft round trip would:
// ISO date strings come back as dates). A value of another type cannot be stored externally: the
// policy fails with a message that says which types can.
import { PolicyError } from "../errors.js";
import { CharBox, NumBox } from "../dotnet/decimal.js";
import { JToken } from "../dotnet/json-tokens.js";
import { parseJson } from "../dotnet/json-reader.js";
import { writeToken } from "../dotnet/json-writer.js";

/** A cached whole response (cache-lookup / cache-store). */
export interface CachedResponse {
  status: number;
  reason: string;
  headers: [string, string[]][];
  body: Buffer;
  storedAt: number;
  durationS: number;
}

/** One entry: the value with its expiry (the store's clock decides, not Redis's TTL alone). */
export function encodeEntry(value: unknown, expiresAt: number, isResponse: boolean): string {
  return JSON.stringify([expiresAt, isResponse ? encodeResponse(value as CachedResponse) : encodeValue(value)]);
}

export function decodeEntry(text: string, isResponse: boolean): { value: unknown; expiresAt: number } {
  const [expiresAt, v] = JSON.parse(text) as [number, unknown];
  return { expiresAt, value: isResponse ? decodeResponse(v as EncodedResponse) : decodeValue(v as Encoded) };
}

type Encoded = string | number | boolean | null | [string, ...unknown[]];

function encodeValue(v: unknown): Encoded {
  if (v === null || v === undefined || typeof v === "string" || typeof v === "boolean") return v ?? null;
  if (typeof v === "number") return Number.isFinite(v) ? v : ["n", String(v)];
  if (typeof v === "bigint") return ["l", v.toString()];
  if (v instanceof Uint8Array) return ["b", Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("base64")];
  if (v instanceof JToken) return ["j", writeToken(v, false, "")];
  if (v instanceof NumBox) return ["x", v.v, v.t];
  if (v instanceof CharBox) return ["c", String(v)];
  const type = (v as { $typeName?: string }).$typeName ?? (v as object).constructor?.name ?? typeof v;
  throw new PolicyError(
    "ExpressionValueEvaluationFailure",
    `A value of type ${type} cannot be stored in the external cache (Redis): store a string, a number, a bool, a byte[] or a JSON token (JObject, JArray, JValue), e.g. its ToString().`,
  );
}

function decodeValue(e: Encoded): unknown {
  if (!Array.isArray(e)) return e;
  switch (e[0]) {
    case "n":
      return Number(e[1]);
    case "l":
      return BigInt(e[1] as string);
    case "b":
      return new Uint8Array(Buffer.from(e[1] as string, "base64"));
    case "j":
      return parseJson(e[1] as string);
    case "x":
      return new NumBox(e[1] as number, e[2] as string);
    case "c":
      return new CharBox(e[1] as string);
    default:
      throw new Error(`unknown cached value tag ${String(e[0])}`);
  }
}

type EncodedResponse = [number, string, [string, string[]][], string, number, number];

function encodeResponse(r: CachedResponse): EncodedResponse {
  return [r.status, r.reason, r.headers, r.body.toString("base64"), r.storedAt, r.durationS];
}

function decodeResponse(e: EncodedResponse): CachedResponse {
  return { status: e[0], reason: e[1], headers: e[2], body: Buffer.from(e[3], "base64"), storedAt: e[4], durationS: e[5] };
}
