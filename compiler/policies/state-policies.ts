// Policies that keep state or transform bodies (limits, caches, conversions, Liquid): the list registry.ts includes.
import type { PolicyDef } from "./types.js";

export const STATE_POLICIES: PolicyDef<any>[] = [];
