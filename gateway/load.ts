// Loading policy modules in process: a module compiled in the "function" format is a function body
// over the runtime (`rt`); the gateway, its prebuilt builds and the test harness all load it here.
import type { ConfiguredSchema } from "../compiler/validation/configured-schema.js";
import { compile, formatDiagnostic } from "../compiler/index.js";
import { specificationSource, type SpecificationInput } from "../compiler/validation/openapi.js";
import * as runtime from "../runtime/index.js";
import type { PolicyModule } from "../runtime/pipeline.js";
import { normalizeNamedValues, withNamedValues, type NamedValueInput, type NamedValueTable } from "../runtime/named-values.js";

/** A module body (format "function") as a module. It reads its secret named values now: call it inside `withNamedValues`. */
export function instantiateModule(code: string): PolicyModule {
  return new Function("rt", code)(runtime) as PolicyModule;
}

/** Compiles policy XML for in-process use; throws with formatted diagnostics when it does not compile. */
export function loadPolicy(
  xml: string,
  opts: {
    namedValues?: Record<string, NamedValueInput> | NamedValueTable;
    file?: string;
    backends?: readonly string[];
    urlTemplate?: string;
    specification?: SpecificationInput;
    schemas?: Readonly<Record<string, ConfiguredSchema>>;
    xmlSchemas?: ConfiguredSchema;
  } = {},
): PolicyModule {
  const namedValues = opts.namedValues === undefined ? undefined : normalizeNamedValues(opts.namedValues);
  const r = compile(xml, { format: "function", namedValues, file: opts.file ?? "policy.xml", backends: opts.backends, urlTemplate: opts.urlTemplate, apiSpecification: opts.specification && specificationSource(opts.specification), schemas: opts.schemas, apiXmlSchemas: opts.xmlSchemas });
  if (r.code === null) throw new Error(r.diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, xml)).join("\n"));
  const code = r.code;
  // The module reads its secret named values while it loads.
  return withNamedValues(namedValues ?? normalizeNamedValues(undefined), () => instantiateModule(code));
}
