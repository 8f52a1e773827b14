// Compile a hostile document both ways (ESM and in-process), check the compiler's contract, and run it.
import { expect } from "vitest";
import { compile, type CompileOptions } from "../../compiler/index.js";
import { verifyModule } from "../../compiler/verify.js";
import * as runtime from "../../runtime/index.js";
import { runPolicy, type RunPolicyOptions, type RunPolicyResult } from "../../gateway/testing.js";
import type { PolicyModule } from "../../runtime/pipeline.js";

export type Outcome = { kind: "diagnostic"; codes: string[]; messages: string[] } | { kind: "ran"; result: RunPolicyResult; code: string };

const INTERNAL = new Set(["APIMC9001", "APIMC9002"]);

/**
 * The contract for any input: no internal error; either an error diagnostic and no code, or a module
 * that verifies. A module is then loaded and run.
 */
export async function attempt(xml: string, copts: CompileOptions = {}, ropts: RunPolicyOptions = {}): Promise<Outcome> {
  // A payload may contain `{{name}}`, which is a named-value reference wherever it appears (as in
  // APIM, also inside C# strings). Unless a test passes its own table, give each name its own text
  // as value (substitution is one pass), so the payload stays exactly as written.
  if (copts.namedValues === undefined) {
    const names = [...xml.matchAll(/\{\{([A-Za-z0-9._-]+)\}\}/g)].map((m) => m[1]!);
    if (names.length) copts = { ...copts, namedValues: Object.fromEntries(names.map((n) => [n, `{{${n}}}`])) };
  }
  const esm = compile(xml, { ...copts, format: "esm" });
  const internal = esm.diagnostics.filter((d) => INTERNAL.has(d.code));
  expect(internal.map((d) => d.message), "internal compiler error").toEqual([]);
  if (esm.code === null) {
    const errors = esm.diagnostics.filter((d) => d.severity === "error");
    expect(errors.length, "no code but no error").toBeGreaterThan(0);
    return { kind: "diagnostic", codes: errors.map((d) => d.code), messages: errors.map((d) => d.message) };
  }
  expect(verifyModule(esm.code).errors).toEqual([]);
  const fn = compile(xml, { ...copts, format: "function" });
  expect(fn.code, "function format disagrees with esm").not.toBeNull();
  expect(verifyModule(`(function (rt) {\n${fn.code}\n});`, "script").errors).toEqual([]);
  const mod = new Function("rt", fn.code!)(runtime) as PolicyModule;
  const result = await runPolicy(mod, ropts);
  return { kind: "ran", result, code: esm.code };
}

/** Runs and requires a module (the payload must be accepted). */
export async function mustRun(xml: string, copts: CompileOptions = {}, ropts: RunPolicyOptions = {}): Promise<RunPolicyResult> {
  const o = await attempt(xml, copts, ropts);
  if (o.kind !== "ran") throw new Error(`expected the document to compile, got ${o.codes.join(", ")}: ${o.messages.join(" / ")}\n${xml}`);
  return o.result;
}

export function policies(inbound: string, outbound = "", onError = ""): string {
  return `<policies><inbound>${inbound}</inbound><backend><base/></backend><outbound>${outbound}</outbound><on-error>${onError}</on-error></policies>`;
}
