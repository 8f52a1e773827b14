// jsonp: when the request carries the callback query parameter, a JSON response body becomes
// `callback(<json>);` served as application/javascript. Without the parameter the response is
// unchanged (plain JSON); a value that is not a JavaScript identifier (dotted names such as
// `ns.cb` allowed) is a 400 with Reason CallbackParameterInvalid. Non-JSON bodies are left alone.
import type { Context } from "../context.js";
import { PolicyError } from "../errors.js";
import { MessageBody } from "../body.js";

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*(\.[A-Za-z_$][A-Za-z0-9_$]*)*$/;

function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const t = contentType.split(";")[0]!.trim().toLowerCase();
  return t === "application/json" || t === "text/json" || t.endsWith("+json");
}

export function jsonp(ctx: Context, parameter: unknown): void {
  if (typeof parameter !== "string" || parameter === "") throw new PolicyError("ExpressionValueEvaluationFailure", "jsonp: callback-parameter-name must be a non-empty string.");
  const query = ctx.Request.OriginalUrl.Query;
  if (!query.ContainsKey(parameter)) return;
  const callback = query.GetValueOrDefault(parameter, "") ?? "";
  if (!IDENTIFIER.test(callback) || callback.length > 256)
    throw new PolicyError("CallbackParameterInvalid", `Value of callback parameter ${parameter} is not a valid JavaScript identifier.`, 400, "jsonp");
  const res = ctx.Response;
  if (!isJson(res.Headers.get("content-type")?.values[0])) return;
  const body = res.Body ? res.Body.content().toString("utf8") : "";
  res.Body = new MessageBody(`${callback}(${body === "" ? "null" : body});`);
  res.Headers.setValues("Content-Type", ["application/javascript; charset=utf-8"]);
}
