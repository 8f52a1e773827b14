// Runs a policy like runPolicy, and then the state policies' finishing work (stateFinish) once the
// response is final, which is what the pipeline is asked to do (see runtime/state/hooks.ts). When
// runPipeline calls stateFinish itself, this wrapper changes nothing (the work runs once).
import { runPolicy, loadPolicy, type RunPolicyOptions, type RunPolicyResult } from "../../runtime/testing.js";
import { defaultErrorResponse, END_PIPELINE, type PolicyModule } from "../../runtime/pipeline.js";
import { stateFinish } from "../../runtime/state/index.js";
import type { Context } from "../../runtime/context.js";

export const doc = (s: { inbound?: string; backend?: string; outbound?: string; onError?: string }) =>
  `<policies><inbound>${s.inbound ?? ""}</inbound>${s.backend === undefined ? "" : `<backend>${s.backend}</backend>`}<outbound>${s.outbound ?? ""}</outbound>${s.onError === undefined ? "" : `<on-error>${s.onError}</on-error>`}</policies>`;

function withFinish(mod: PolicyModule): PolicyModule {
  const ending = (fn: PolicyModule["inbound"]) =>
    fn
      ? async (ctx: Context) => {
          const r = await fn(ctx);
          if (r === END_PIPELINE) await stateFinish(ctx);
          return r;
        }
      : null;
  return {
    meta: mod.meta,
    inbound: ending(mod.inbound),
    backend: ending(mod.backend),
    outbound: async (ctx: Context) => {
      const r = await mod.outbound?.(ctx);
      await stateFinish(ctx);
      return r;
    },
    onError: async (ctx: Context) => {
      if (mod.onError) await mod.onError(ctx);
      else defaultErrorResponse(ctx, ctx.Response.StatusCode);
      await stateFinish(ctx);
    },
  };
}

const cache = new Map<string, PolicyModule>();

export async function run(xml: string, opts: RunPolicyOptions = {}): Promise<RunPolicyResult> {
  let mod = cache.get(xml);
  if (!mod) cache.set(xml, (mod = withFinish(loadPolicy(xml))));
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
