// Runtime helpers of the security policies (re-exported by runtime/index.ts).
export { validateJwt, validateJwtAsync, configureJwtCertificates, type JwtConfig, type JwtKeyConfig, type JwtClaimConfig } from "./jwt.js";
export { validateAzureAdToken, configureEntraId, DEFAULT_ENTRA_AUTHORITY, type EntraTokenConfig } from "./entra.js";
export { configureOpenIdCache, clearOpenIdCache } from "./openid.js";
export { ipFilter, ipKey, ipRange, type IpKey, type IpRange } from "./ip.js";
export { jsonp } from "./jsonp.js";
export { validateClientCertificate, certificateFacts, type ClientCertificateRules, type CertificateIdentity, type ClientCertificateFacts } from "./client-certificate.js";
export { authenticationCertificate, clientCertificateOf, forwardWithCertificate, type ClientCertificate } from "./certificate.js";
export {
  authenticationManagedIdentity,
  sendOneWayWithIdentity,
  managedIdentityToken,
  configureManagedIdentity,
  clearManagedIdentityCache,
  type ManagedIdentityConfig,
  type ManagedIdentityPolicy,
} from "./managed-identity.js";
