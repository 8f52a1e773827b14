// Access-restriction and authentication policies (validate-jwt, validate-azure-ad-token, ip-filter, jsonp,
// authentication-certificate, authentication-managed-identity): the list registry.ts includes.
import type { PolicyDef } from "./types.js";
import { validateJwt } from "./validate-jwt.js";
import { ipFilter } from "./ip-filter.js";
import { jsonp } from "./jsonp.js";
import { authenticationCertificate } from "./authentication-certificate.js";
import { authenticationManagedIdentity } from "./authentication-managed-identity.js";
import { validateAzureAdToken } from "./validate-azure-ad-token.js";
import { validateClientCertificate } from "./validate-client-certificate.js";

export const SECURITY_POLICIES: PolicyDef<any>[] = [validateJwt, ipFilter, jsonp, authenticationCertificate, authenticationManagedIdentity, validateAzureAdToken, validateClientCertificate];
