// Every helper the C# lowering may reference by name (via `rt("name")`).
export * from "./core.js";
export * from "./decimal.js";
export * from "./long.js";
export * from "./string.js";
export * from "./linq.js";
export * from "./newtonsoft.js";
export * from "./datetime.js";
export * from "./misc.js";
export * from "./apim.js";
export * from "./xml.js";
export { loopCheck, expressionBudget } from "../budget.js";
export * from "./sets.js";
export * from "./lists.js";
export * from "./chars.js";
export * from "./math.js";
export * from "./bitconverter.js";
export * from "./xml-axes.js";
export * from "./jtoken-axes.js";
