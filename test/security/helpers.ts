// Shared by the security policy tests: documents, diagnostics, and JWTs signed in process.
import { createHmac, sign as cryptoSign, constants, type KeyObject } from "node:crypto";
import { compile } from "../../compiler/index.js";

export const doc = (s: { inbound?: string; backend?: string; outbound?: string; onError?: string }) =>
  `<policies><inbound>${s.inbound ?? ""}</inbound>${s.backend === undefined ? "" : `<backend>${s.backend}</backend>`}<outbound>${s.outbound ?? ""}</outbound>${s.onError === undefined ? "" : `<on-error>${s.onError}</on-error>`}</policies>`;

export function diagnostics(xml: string, severity: "error" | "warning" = "error"): { code: string; message: string }[] {
  return compile(xml, { file: "p.xml" }).diagnostics.filter((d) => d.severity === severity);
}
export const errorCodes = (xml: string): string[] => diagnostics(xml).map((d) => d.code);

const b64url = (b: Buffer | string): string => Buffer.from(b).toString("base64url");

/** A compact JWS with `alg` over `payload`, signed with an HMAC secret or a private key. */
export function signJwt(payload: Record<string, unknown>, alg: string, key: Buffer | KeyObject | null, extraHeader: Record<string, unknown> = {}): string {
  const header = b64url(JSON.stringify({ alg, typ: "JWT", ...extraHeader }));
  const body = b64url(JSON.stringify(payload));
  const input = `${header}.${body}`;
  if (alg === "none" || key === null) return `${input}.`;
  const hash = `sha${alg.slice(2)}`;
  let sig: Buffer;
  switch (alg.slice(0, 2)) {
    case "HS":
      sig = createHmac(hash, key as Buffer).update(input).digest();
      break;
    case "RS":
      sig = cryptoSign(hash, Buffer.from(input), key as KeyObject);
      break;
    case "PS":
      sig = cryptoSign(hash, Buffer.from(input), { key: key as KeyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
      break;
    case "ES":
      sig = cryptoSign(hash, Buffer.from(input), { key: key as KeyObject, dsaEncoding: "ieee-p1363" });
      break;
    default:
      throw new Error(alg);
  }
  return `${input}.${b64url(sig)}`;
}

export const nowS = (): number => Math.floor(Date.now() / 1000);

import { loadPolicy } from "../../gateway/testing.js";
import { Context, newEnvironment, RequestMessage, ResponseMessage, Url } from "../../runtime/context.js";
import { HeaderMap } from "../../runtime/headers.js";
import { MessageBody } from "../../runtime/body.js";
import { attachHost, runPipeline } from "../../runtime/pipeline.js";

/** Runs a policy for a caller at `ip` (runPolicy has no caller address); the backend answers 200 "backend". */
export async function runFrom(xml: string, ip: string, backend: { status?: number; headers?: Record<string, string | string[]>; body?: string } = {}) {
  const mod = loadPolicy(xml);
  const ctx = new Context(new RequestMessage("GET", Url.parse("http://gateway.test/"), HeaderMap.from({}, "request"), null));
  ctx.Request.IpAddress = ip;
  ctx.$env = newEnvironment();
  attachHost(ctx, { forward: async () => new ResponseMessage(backend.status ?? 200, "OK", HeaderMap.from(backend.headers ?? {}, "response"), new MessageBody(backend.body ?? "backend")) });
  await runPipeline(mod, ctx);
  return { status: ctx.Response.StatusCode, body: ctx.Response.Body ? ctx.Response.Body.content().toString("utf8") : "", lastError: ctx.LastError, variables: Object.fromEntries(ctx.Variables) };
}
