// Test helpers of the state policies. runPipeline runs the policies' finishing work
// (runtime/state/hooks.ts: Retry-After and remaining-calls headers, deferred counting, bandwidth)
// once the response is final, so runPolicy shows the final response.
import { runPolicy, loadPolicy, type RunPolicyOptions, type RunPolicyResult } from "../../gateway/testing.js";
import type { PolicyModule } from "../../runtime/pipeline.js";

export const doc = (s: { inbound?: string; backend?: string; outbound?: string; onError?: string }) =>
  `<policies><inbound>${s.inbound ?? ""}</inbound>${s.backend === undefined ? "" : `<backend>${s.backend}</backend>`}<outbound>${s.outbound ?? ""}</outbound>${s.onError === undefined ? "" : `<on-error>${s.onError}</on-error>`}</policies>`;

const cache = new Map<string, PolicyModule>();

export async function run(xml: string, opts: RunPolicyOptions = {}): Promise<RunPolicyResult> {
  let mod = cache.get(xml);
  if (!mod) cache.set(xml, (mod = loadPolicy(xml)));
  return runPolicy(mod, opts);
}

/** The diagnostics of a document that must not compile (codes and messages). */
export function compileErrors(xml: string): string {
  try {
    loadPolicy(xml);
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}
