// The compiler's version, alone: `apimc --version` reads it without loading the compiler.
export const COMPILER_VERSION = "0.1.0";
