// A real OpenID Connect / OAuth 2.0 authorization server for Tokenbench's tests and demo:
// oidc-provider on 127.0.0.1, a random port unless --port is given.
// Prints one line `LISTENING <issuer>` on stdout once it accepts connections.
//
//   node server.mjs [--port N] [--clients FILE.json]
//
// Clients (secrets are test values, not real):
//   basic-client / basic-secret                 client_secret_basic
//   post-client  / post-secret                  client_secret_post
//   odd-client   / "s3cr3t with+plus%and space" client_secret_basic (form-encoding matters)
//   demo-client  / demo-secret                  client_secret_basic, used by the demo workspace
//   jwt-client                                  private_key_jwt, keys: tests/data/jwt rsa-2048, ec-p256, ed25519
//   hs-client    / (see HS_SECRET)              client_secret_jwt
//   app-client   / app-secret                   client_secret_basic; authorization_code (+PKCE) and
//                                               refresh_token; native, redirect http://127.0.0.1/callback
//                                               (any port, RFC 8252 §7.3)
//   public-client                               none (public); authorization_code (+PKCE), refresh_token;
//                                               same loopback redirect
//   short-client                                as public-client, but access tokens live 2 s
//   device-client                               none (public); device_code (RFC 8628) and refresh_token
//
// Interactive flows: PKCE is required for every authorization request (S256); refresh tokens are issued
// to clients allowed the refresh_token grant and rotate on every use (the old one is then refused).
// devInteractions does the sign-in: POST /interaction/{uid} with prompt=login&login=alice&password=x,
// then prompt=consent. The device flow's user page is /device (user_code form with an xsrf field).
//
// GET /__tokenbench/last-token-request returns what the last /token request carried in its headers
// (the server accepts Basic and post credentials interchangeably, so tests check which one arrived).
import http from 'node:http';
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Provider from 'oidc-provider';

const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = Number(argValue('--port') ?? 0);
const extraClientsFile = argValue('--clients');

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });

const ccClient = (client_id, client_secret, token_endpoint_auth_method) => ({
  client_id,
  client_secret,
  token_endpoint_auth_method,
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  scope: 'api:read api:write',
});

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'jwt');
const publicJwk = (file, kid) => ({
  ...createPublicKey(readFileSync(join(dataDir, file))).export({ format: 'jwk' }),
  kid,
});
const HS_SECRET = 'hs-client-secret-0123456789abcdef0123456789abcdef0123456789abcdef';

let clients = [
  ccClient('basic-client', 'basic-secret', 'client_secret_basic'),
  ccClient('post-client', 'post-secret', 'client_secret_post'),
  ccClient('odd-client', 's3cr3t with+plus%and space', 'client_secret_basic'),
  ccClient('demo-client', 'demo-secret', 'client_secret_basic'),
  {
    ...ccClient('jwt-client', undefined, 'private_key_jwt'),
    jwks: {
      keys: [
        publicJwk('rsa-2048-public.pem', 'rsa-1'),
        publicJwk('ec-p256-pkcs8-private.pem', 'ec-1'),
        publicJwk('ed25519-private.pem', 'ed-1'),
      ],
    },
  },
  ccClient('hs-client', HS_SECRET, 'client_secret_jwt'),
  {
    client_id: 'app-client',
    client_secret: 'app-secret',
    token_endpoint_auth_method: 'client_secret_basic',
    application_type: 'native',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/callback'],
    scope: 'openid offline_access api:read api:write',
  },
  {
    client_id: 'public-client',
    token_endpoint_auth_method: 'none',
    application_type: 'native',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/callback'],
    scope: 'openid offline_access api:read api:write',
  },
  {
    // Like public-client, but its access tokens live 2 s: automatic refresh can be seen to happen.
    client_id: 'short-client',
    token_endpoint_auth_method: 'none',
    application_type: 'native',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: ['http://127.0.0.1/callback'],
    scope: 'openid offline_access api:read api:write',
  },
  {
    client_id: 'device-client',
    token_endpoint_auth_method: 'none',
    application_type: 'native',
    grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
    response_types: [],
    redirect_uris: [],
    scope: 'openid offline_access api:read api:write',
  },
];
for (const c of clients) if (c.client_secret === undefined) delete c.client_secret;
if (extraClientsFile) clients = clients.concat(JSON.parse(readFileSync(extraClientsFile, 'utf8')));

let lastTokenRequest = null;

const server = http.createServer();
server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [{ ...rsa, use: 'sig', kid: 'rsa-1' }, { ...ec, use: 'sig', kid: 'ec-1' }] },
    cookies: { keys: ['tokenbench-test-cookie-key'] },
    scopes: ['openid', 'offline_access', 'api:read', 'api:write'],
    enabledJWA: {
      clientAuthSigningAlgValues: ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512',
        'ES256', 'ES384', 'ES512', 'EdDSA'],
    },
    features: {
      clientCredentials: { enabled: true },
      deviceFlow: { enabled: true },
      devInteractions: { enabled: true },
      introspection: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => 'urn:api',
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: 'api:read api:write',
          audience: 'urn:api',
          accessTokenFormat: 'jwt',
          accessTokenTTL: 3600,
          jwt: { sign: { alg: 'ES256' } },
        }),
      },
    },
    pkce: { required: () => true },
    issueRefreshToken: async (ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: () => true,
    ttl: {
      ClientCredentials: 3600,
      AccessToken: (ctx, token, client) => (client?.clientId === 'short-client' ? 2 : 3600),
      RefreshToken: 86400,
      DeviceCode: 600,
    },
  });
  provider.use(async (ctx, next) => {
    if (ctx.path === '/__tokenbench/last-token-request') {
      ctx.body = lastTokenRequest ?? {};
      return;
    }
    if (ctx.path === '/.well-known/oauth-authorization-server') {
      // RFC 8414's well-known name for the same metadata (oidc-provider serves only OpenID Connect's).
      ctx.path = '/.well-known/openid-configuration';
    }
    if (ctx.path === '/token' && ctx.method === 'POST') {
      lastTokenRequest = {
        authorization: ctx.get('authorization') || null,
        content_type: ctx.get('content-type') || null,
        accept: ctx.get('accept') || null,
        user_agent: ctx.get('user-agent') || null,
      };
    }
    await next();
  });
  server.on('request', provider.callback());
  process.stdout.write(`LISTENING ${issuer}\n`);
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Tests start the server as a child: exit with the parent.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
