/**
 * auth: kefu as an OAuth2 resource server. `createTokenVerifier` turns a bearer JWT into a
 * Principal (or UNAUTHORIZED); `authorize` decides FORBIDDEN / NOT_FOUND; the demo issuer stands
 * in for the platform's OAuth server outside production.
 */
export { SCOPE_TO_ROLE, type Principal, type Role, type TokenVerifier } from './principal.ts';
export { createTokenVerifier, SUPPORTED_ALGORITHMS, type TokenVerifierOptions } from './verifier.ts';
export { createAuthorize, extractBearer, hasRole, requireRole, requireShop, requireShopOr403, requireShopOr404, type Authorize } from './authorize.ts';
export {
  createDemoIssuer,
  registerDemoIssuerRoutes,
  DEMO_DEFAULT_TTL_SEC,
  DEMO_JWKS_PATH,
  DEMO_KEY_FILE,
  DEMO_TOKEN_PATH,
  type DemoClaims,
  type DemoIssuer,
  type DemoIssuerOptions,
} from './demo-issuer.ts';
