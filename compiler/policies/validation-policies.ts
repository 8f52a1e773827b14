// The validation policies: against the API's specification (compiler/validation/).
import type { PolicyDef } from "./types.js";
import { validateContent } from "./validate-content.js";
import { validateHeaders } from "./validate-headers.js";
import { validateParameters } from "./validate-parameters.js";
import { validateStatusCode } from "./validate-status-code.js";
import { validateODataRequest } from "./validate-odata-request.js";
import { validateGraphqlRequest } from "./validate-graphql-request.js";

export const VALIDATION_POLICIES: PolicyDef<any>[] = [validateContent, validateParameters, validateHeaders, validateStatusCode, validateODataRequest, validateGraphqlRequest];
