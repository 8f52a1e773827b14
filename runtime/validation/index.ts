// The validation policies' runtime: validate-content, validate-parameters, validate-headers, validate-status-code, validate-odata-request.
export { validateHeaders, type HeaderContract } from "./headers.js";
export { validateContent, type ContentConfig } from "./content.js";
export { validateParameters, type ParametersConfig, type ParameterRule } from "./parameters.js";
export { validateStatusCode } from "./status-code.js";
export { validateODataRequest, type ODataRules } from "./odata.js";
export type { ValidationError } from "./report.js";
