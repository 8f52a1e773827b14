// validate-odata-request: a request to an OData API against the OData 4.0 / 4.01 URL conventions
// (OData Version 4.01 Part 2, "System Query Options"). The reference page names the checks (URL,
// headers, parameters) but no error texts: the texts and the rules below are apimc's, listed in the
// README. Every error is a `prevent` error (the policy has no action attributes): the first one
// answers 400 and runs on-error; all of them go to error-variable-name.
import type { Context } from "../context.js";
import { reportValidation, type ValidationError } from "./report.js";

export interface ODataRules {
  defaultVersion: string;
  minVersion: string | null;
  maxVersion: string | null;
  maxSize: number | null;
  errorsVariable: string | null;
}

const POLICY = "validate-odata-request";
const OPTIONS_40 = ["$filter", "$select", "$expand", "$orderby", "$top", "$skip", "$count", "$search", "$format", "$skiptoken", "$deltatoken", "$levels", "$id", "$apply"];
/** 4.01 adds these, and makes system query option names case-insensitive. */
const OPTIONS_401 = [...OPTIONS_40, "$compute", "$index", "$schemaversion"];
const KNOWN_40: ReadonlySet<string> = new Set(OPTIONS_40);
const KNOWN_401: ReadonlySet<string> = new Set(OPTIONS_401);
/** Options whose value is an expression: non-empty, parentheses balanced, string literals closed. */
const EXPRESSIONS: ReadonlySet<string> = new Set(["$filter", "$select", "$expand", "$orderby", "$search", "$apply", "$compute"]);

export function validateODataRequest(ctx: Context, rules: ODataRules): void {
  const errors: ValidationError[] = [];
  const error = (Name: string, Type: string, ValidationRule: string, Details: string) => errors.push({ Name, Type, ValidationRule, Details, Action: "prevent" });
  const header = ctx.Request.Headers.GetValueOrDefault("OData-Version", "")?.trim() ?? "";
  let version = rules.defaultVersion;
  if (header !== "") {
    if (/^\d{1,2}\.\d{1,2}$/.test(header)) version = header;
    else error("OData-Version", "RequestHeader", "InvalidVersion", `Header OData-Version value '${header}' is not an OData version.`);
  }
  if (rules.minVersion !== null && Number(version) < Number(rules.minVersion))
    error("OData-Version", "RequestHeader", "MinVersion", `OData version ${version} of the request is lower than the minimum version ${rules.minVersion} the API accepts.`);
  if (rules.maxVersion !== null && Number(version) > Number(rules.maxVersion))
    error("OData-Version", "RequestHeader", "MaxVersion", `OData version ${version} of the request is higher than the maximum version ${rules.maxVersion} the API accepts.`);
  if (rules.maxSize !== null) {
    const body = ctx.Request.Body;
    const bytes = body && !body.isStream ? body.content() : null;
    const declared = Number(ctx.Request.Headers.GetValueOrDefault("Content-Length", "") ?? "");
    const size = bytes ? bytes.length : Number.isFinite(declared) ? declared : 0;
    if (size > rules.maxSize) error("", "RequestBody", "SizeLimit", `Request's body is ${size} bytes long and it exceeds the configured limit of ${rules.maxSize} bytes.`);
  }
  checkQuery(ctx.Request.OriginalUrl.QueryString, Number(version) >= 4.01, error);
  reportValidation(ctx, POLICY, errors, rules.errorsVariable, true);
}

type Report = (name: string, type: string, rule: string, details: string) => void;

function checkQuery(search: string, v401: boolean, error: Report): void {
  const seen = new Set<string>();
  for (const part of search.replace(/^\?/, "").split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const rawName = decode(eq < 0 ? part : part.slice(0, eq));
    const value = decode(eq < 0 ? "" : part.slice(eq + 1));
    if (!rawName.startsWith("$")) continue; // custom options and @parameter aliases are the service's
    const name = v401 ? rawName.toLowerCase() : rawName;
    if (!(v401 ? KNOWN_401 : KNOWN_40).has(name)) {
      const hint = !v401 && KNOWN_401.has(rawName.toLowerCase()) ? ` (OData ${KNOWN_40.has(rawName.toLowerCase()) ? "4.0 names are lowercase" : "4.01 has it; send OData-Version: 4.01"})` : "";
      error(rawName, "QueryParameter", "UnknownSystemQueryOption", `Query option ${rawName} is not a system query option of OData ${v401 ? "4.01" : "4.0"}${hint}.`);
      continue;
    }
    if (seen.has(name)) {
      error(rawName, "QueryParameter", "DuplicateSystemQueryOption", `System query option ${rawName} appears more than once.`);
      continue;
    }
    seen.add(name);
    const problem = valueProblem(name, value, v401);
    if (problem) error(rawName, "QueryParameter", "InvalidValue", `Value '${value}' of system query option ${rawName} ${problem}.`);
  }
}

function valueProblem(name: string, value: string, v401: boolean): string | null {
  switch (name) {
    case "$top":
    case "$skip":
    case "$index":
      return /^\d+$/.test(value) ? null : "is not a non-negative integer";
    case "$count":
      return (v401 ? /^(true|false)$/i : /^(true|false)$/).test(value) ? null : "is not true or false";
    case "$levels":
      return /^(\d+|max)$/.test(value) ? null : "is not a non-negative integer or max";
    case "$format":
      return /^(json|xml|atom|[\w.+-]+\/[\w.+-]+(;.*)?)$/i.test(value) ? null : "is not json, xml, atom or a media type";
  }
  if (value.trim() === "") return "is empty";
  return EXPRESSIONS.has(name) ? syntaxProblem(value) : null;
}

/** Parentheses balanced and string literals ('...' with '' as an escaped quote) closed. */
function syntaxProblem(text: string): string | null {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      for (i++; i < text.length && !(text[i] === "'" && text[i + 1] !== "'"); i += text[i] === "'" ? 2 : 1);
      if (i >= text.length) return "has a string literal that is not closed";
    } else if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return "closes a parenthesis that was not opened";
  }
  return depth > 0 ? "has a parenthesis that is not closed" : null;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}
