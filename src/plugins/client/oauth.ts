/**
 * OAuth 2.0 facts of the generated client: a scheme with a `clientCredentials` flow gets its
 * `tokenUrl` and scopes in `ClientDefaults.securitySchemes`, and its credential may be
 * `{ clientId, clientSecret, scopes? }` (the runtime's `withOAuth` fetches the tokens).
 * `authorizationCode` and `implicit` flows keep the token string or provider function.
 */
import type { SecurityScheme } from '../../ir/types.js';
import { stringLiteral } from '../../escape/index.js';

/** `EXPIRY_MARGIN_MS` of templates/runtime/oauth.ts, in seconds (for the docs) */
export const EXPIRY_MARGIN_S = 30;

export interface ClientCredentialsFlow {
  tokenUrl: string;
  /** declared scope names, sorted */
  scopes: string[];
}

/** The clientCredentials flow of an oauth2 scheme, when it declares one with a token URL. */
export function clientCredentialsFlow(s: SecurityScheme): ClientCredentialsFlow | undefined {
  if (s.type !== 'oauth2') return undefined;
  const flow = s.flows.clientCredentials;
  if (!flow?.tokenUrl) return undefined;
  return { tokenUrl: flow.tokenUrl, scopes: Object.keys(flow.scopes).sort() };
}

/** The scheme's `SecuritySchemeSpec` literal. */
export function clientCredentialsSpec(flow: ClientCredentialsFlow): string {
  const scopes = flow.scopes.length ? `, scopes: [${flow.scopes.map(stringLiteral).join(', ')}]` : '';
  return `{ type: 'bearer', tokenUrl: ${stringLiteral(flow.tokenUrl)}${scopes} }`;
}

/** The credential's type: a token, a token provider, or the client's id and secret. */
export function clientCredentialsType(flow: ClientCredentialsFlow): string {
  return `Credential | ClientCredentials${flow.scopes.length ? `<${flow.scopes.map(stringLiteral).join(' | ')}>` : ''}`;
}

/** The credential's description in `AuthCredentials` (one JSDoc paragraph, Markdown). */
export function oauthLabel(s: Extract<SecurityScheme, { type: 'oauth2' }>): string {
  const flow = clientCredentialsFlow(s);
  const others = Object.keys(s.flows).filter((f) => f !== 'clientCredentials' || !flow);
  const provider = 'OAuth 2 access token, sent as a bearer token: the token, or a (possibly async) function returning a valid one';
  if (!flow) return others.length ? `${provider} (obtained through the ${others.join(', ')} flow)` : provider;
  return (
    `${provider}; or \`{ clientId, clientSecret, scopes? }\`: the client then fetches its own tokens from \`${flow.tokenUrl}\` ` +
    '(client credentials flow; `authMethod: \'client_secret_post\'` sends the secret in the form instead of HTTP basic), caches them, and renews them before they expire or when refused' +
    (others.length ? `. The ${others.join(', ')} flow needs a token from your OAuth library (a function returning it)` : '')
  );
}
