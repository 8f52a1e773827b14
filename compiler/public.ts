// `apimc`: the compiler's public API.
export { compile, COMPILER_VERSION, type CompileOptions, type CompileResult } from "./index.js";
export { formatDiagnostic, Codes, type Diagnostic } from "./diagnostics.js";
