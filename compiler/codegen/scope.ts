// What a piece of generated code may ask of the module it goes into.
import type { Code, NameAllocator } from "./code.js";
import { CONTEXT_PARAM } from "../../runtime/contract.js";

export interface ModuleScope {
  readonly names: NameAllocator;
  /** Adds a module-level declaration (a hoisted function for an `@{...}` block, a regex, ...). */
  hoist(decl: Code): void;
  /**
   * Hoists a constant expression once and returns the identifier that refers to it. `named`: the
   * hint is the constant's meaning (FORWARD_TIMEOUT_MS), so equal values of other meanings get names of their own.
   */
  constant(value: Code, hint: string, named?: boolean): Code;
  /** false: the statement tree is printed as built, without the simplifying pass (to test that the pass never changes behaviour). */
  readonly optimize?: boolean;
}

/** The identifier of the `context` parameter inside every section function and hoisted expression. */
export const CONTEXT_IDENT = CONTEXT_PARAM;
