// Helpers that need the runtime context classes (kept apart from core.ts to avoid an import cycle:
// context → body → body-convert → newtonsoft → core).
import { ResponseMessage } from "../context.js";
import { registerTypeCheck } from "./core.js";

export function isResponse(v: unknown): boolean {
  return v instanceof ResponseMessage;
}
registerTypeCheck("IResponse", isResponse);
