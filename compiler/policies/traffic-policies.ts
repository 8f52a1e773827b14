// Policies that shape and route traffic (forward, rewrite, retry, ...): the list registry.ts includes.
import type { PolicyDef } from "./types.js";

export const TRAFFIC_POLICIES: PolicyDef<any>[] = [];
