// The members of every type APIM's allow-list permits, by name. The data is generated into
// apim-allow-list.json by `npm run allow-list:members` (scripts/allow-list-members.mjs) from
// apim-allow-list-docs.ts, read by reflection from Mono's class libraries and Newtonsoft.Json; this
// file only gives it its type. esbuild inlines the JSON, so dist/ stays self-contained.
import data from "./apim-allow-list.json" with { type: "json" };

export type AllowedMember = readonly [name: string, kind: "ctor" | "method" | "field" | "prop" | "indexer" | "event", isStatic: 0 | 1, overloads: number];
export interface AllowedType {
  /** As the docs write it. */
  type: string;
  /** Reflection names it was read from. */
  clr: readonly string[];
  docs: "All" | readonly string[];
  members: readonly AllowedMember[];
  /** .NET members the docs leave out of a row that lists its members: [surface key (".ctor", "this[]", name), static (1) or instance (0)]. */
  restricted?: readonly (readonly [key: string, isStatic: 0 | 1])[];
}

/** JSON gives tuples as arrays and kinds as strings; the generator writes exactly the shape above. */
export const ALLOWED_TYPES: readonly AllowedType[] = data.types as unknown as readonly AllowedType[];
