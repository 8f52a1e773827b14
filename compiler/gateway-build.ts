// `apimc build`: one module per operation (and per product whose policy applies to it), with the
// effective policy composed at build time: global → product → API → operation, fragments inlined,
// named values substituted.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createHash } from "node:crypto";
import { Codes, DiagnosticBag, LineMap, type Diagnostic } from "./diagnostics.js";
import { buildDocument, type BuildState, type PolicyDocument } from "./document.js";
import { composeScopes } from "./compose.js";
import { emitSections } from "./emit.js";
import { ModuleBuilder } from "./codegen/module.js";
import { parseXml, type XElement } from "./xml/parse.js";
import { substituteNamedValues } from "./named-values.js";
import { verifyEmitted } from "./verify.js";
import { fragmentsFromDirectory, moduleMeta } from "./index.js";
import type { LoadedConfig, OperationConfig } from "./gateway-config.js";

export interface BuiltModule {
  /** `<api>/<operation>/<product or ->`. */
  key: string;
  apiId: string;
  operationId: string;
  /** The product whose policy is in this module; null for requests without a product scope. */
  productId: string | null;
  code: string;
}

export interface GatewayBuild {
  modules: BuiltModule[];
  diagnostics: Diagnostic[];
  /** Every file read (config, policies, fragments, named values), for watching. */
  files: string[];
  ok: boolean;
}

/** A catch-all operation for APIs that list none: every method, every path. */
export const CATCH_ALL: OperationConfig = { id: "*", method: "*", urlTemplate: "/*" };

export function buildGateway(loaded: LoadedConfig, format: "esm" | "function" = "esm", runtime = "apimc/runtime"): GatewayBuild {
  const { config, dir, namedValues } = loaded;
  const files = new Set<string>([loaded.file]);
  if (typeof config.namedValues === "string") files.add(resolve(dir, config.namedValues));
  const reported = new Map<string, Diagnostic>();
  const report = (bags: DiagnosticBag[]) => {
    for (const b of bags) for (const d of b.items) reported.set(`${d.file}:${d.offset}:${d.code}:${d.message}`, d);
  };
  const fragmentDir = config.fragments ? resolve(dir, config.fragments) : null;
  const baseResolver = fragmentDir ? fragmentsFromDirectory(fragmentDir) : undefined;
  const fragments = baseResolver
    ? (id: string) => {
        const f = baseResolver(id);
        if (f) files.add(f.file);
        return f;
      }
    : undefined;

  // Each policy file is read, parsed and substituted once; its IR is rebuilt per module because
  // policy table indices are per module.
  const parsed = new Map<string, { root: XElement | null; diags: DiagnosticBag; source: string }>();
  const parseFile = (rel: string): { root: XElement | null; diags: DiagnosticBag } => {
    const file = resolve(dir, rel);
    files.add(file);
    let p = parsed.get(file);
    if (!p) {
      let source = "";
      const diags = new DiagnosticBag(file, new LineMap(""));
      try {
        source = readFileSync(file, "utf8");
      } catch (e) {
        diags.error(Codes.XmlEmptyDocument, 0, `Cannot read policy file: ${(e as Error).message}`);
        p = { root: null, diags, source };
        parsed.set(file, p);
        report([diags]);
        return p;
      }
      const bag = new DiagnosticBag(file, new LineMap(source));
      const root = parseXml(source, bag);
      if (root) substituteNamedValues(root, namedValues, bag);
      p = { root, diags: bag, source };
      parsed.set(file, p);
    }
    return p;
  };

  const modules: BuiltModule[] = [];
  let ok = true;
  for (const api of config.apis) {
    const products = (config.products ?? []).filter((p) => p.apis.includes(api.id));
    // Requests without a product scope: all-APIs subscriptions and APIs that need no subscription.
    const variants: (string | null)[] = [null, ...products.filter((p) => p.policy).map((p) => p.id)];
    for (const op of api.operations?.length ? api.operations : [CATCH_ALL]) {
      for (const productId of variants) {
        const product = productId ? products.find((p) => p.id === productId)! : null;
        const scopes: { rel: string | undefined; scope: string }[] = [
          { rel: config.policy, scope: "global" },
          { rel: product?.policy, scope: "product" },
          { rel: api.policy, scope: "api" },
          { rel: op.policy, scope: "operation" },
        ];
        const state: BuildState = { table: [], scope: "global", fragments, namedValues, allDiagnostics: [] };
        const docs: PolicyDocument[] = [];
        let failed = false;
        let lastBag: DiagnosticBag | null = null;
        for (const s of scopes) {
          if (!s.rel) continue;
          const p = parseFile(s.rel);
          state.allDiagnostics!.push(p.diags);
          if (!p.root) {
            failed = true;
            continue;
          }
          state.scope = s.scope;
          // A fresh bag per module keeps structural diagnostics from being counted twice.
          const bag = new DiagnosticBag(p.diags.file, p.diags.lines);
          state.allDiagnostics!.push(bag);
          docs.push(buildDocument(p.root, bag, { state }));
          lastBag = bag;
        }
        const anyErrors = () => failed || state.allDiagnostics!.some((b) => b.hasErrors);
        if (!anyErrors()) {
          const builder = new ModuleBuilder();
          const sectionBag = lastBag ?? new DiagnosticBag(loaded.file, new LineMap(""));
          const sections = emitSections(composeScopes(docs, sectionBag), builder, sectionBag);
          if (!anyErrors()) {
            const key = `${api.id}/${op.id}/${productId ?? "-"}`;
            const h = createHash("sha256").update(key);
            for (const s of scopes) if (s.rel) h.update(parsed.get(resolve(dir, s.rel))?.source ?? "");
            const meta = moduleMeta(key, h.digest("hex").slice(0, 16), state.table, builder.readsBody);
            const { code } = builder.render({ sections, meta, runtimeSpecifier: runtime, format, file: key, lines: sectionBag.lines, sourceMap: false });
            const v = verifyEmitted(code, format);
            if (!v.ok) sectionBag.error(Codes.VerifyFailed, 0, `Internal compiler error: module ${key} failed verification (${v.errors.slice(0, 3).join("; ")}).`);
            else modules.push({ key, apiId: api.id, operationId: op.id, productId, code });
          }
        }
        if (anyErrors()) ok = false;
        report(state.allDiagnostics!);
      }
    }
  }
  for (const p of parsed.values()) report([p.diags]);
  const diagnostics = [...reported.values()];
  return { modules, diagnostics, files: [...files], ok: ok && !diagnostics.some((d) => d.severity === "error") };
}
