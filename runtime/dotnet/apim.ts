// Helpers that need the runtime context classes (kept apart from core.ts to avoid an import cycle:
// context → body → body-convert → newtonsoft → core).
import { ResponseMessage } from "../context.js";
import { castTo, registerTypeCheck } from "./core.js";

export function isResponse(v: unknown): boolean {
  return v instanceof ResponseMessage;
}
registerTypeCheck("IResponse", isResponse);
/** `(IResponse)obj` (lower.ts DIRECT_CASTS): the common case inline, anything else through castTo. */
export function castResponse(v: unknown): unknown {
  return v instanceof ResponseMessage ? v : castTo(v, "IResponse");
}
