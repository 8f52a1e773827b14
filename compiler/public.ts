// `apimc`: the compiler's public API.
export { compile, COMPILER_VERSION, type CompileOptions, type CompileResult, type ApiSpecification } from "./index.js";
export type { SpecificationInput } from "./validation/openapi.js";
export { formatDiagnostic, Codes, type Diagnostic } from "./diagnostics.js";
