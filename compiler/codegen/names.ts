// The module contract (runtime/contract.ts) as generated code spells it: the policy index marker,
// the pipeline's end sentinel, the header and query operations. Policies use these, never the
// runtime's internals.
import { HEADER_OPS, POLICY_INDEX_FIELD, QUERY_OPS } from "../../runtime/contract.js";
import { join, js, prop, rt, type Code } from "./code.js";

const CTX = js`ctx`; // CONTEXT_IDENT

/** `ctx.$p = i`: the running policy's row (LastError, traces). No semicolon. */
export function policyIndex(index: number): Code {
  return js`${CTX}${prop(POLICY_INDEX_FIELD)} = ${index}`;
}

/** The value a section returns to end the pipeline. */
export function endPipeline(): Code {
  return rt("END_PIPELINE");
}

/** `h.setLower(...)` etc. on a HeaderMap expression. */
export function headerOp(headers: Code, op: keyof typeof HEADER_OPS, ...args: Code[]): Code {
  return js`${headers}${prop(HEADER_OPS[op])}(${join(args)})`;
}

/** `q.setName(...)` etc. on a QueryMap expression. */
export function queryOp(query: Code, op: keyof typeof QUERY_OPS, ...args: Code[]): Code {
  return js`${query}${prop(QUERY_OPS[op])}(${join(args)})`;
}
