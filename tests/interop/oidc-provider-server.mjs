// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// A standards-conformant third-party OpenID provider (panva's oidc-provider, RFC 8628 device flow) on
// 127.0.0.1, laid out so that it looks like an Entra authority to TenantBridge's client: its issuer is
// {url}/{tenant}/v2.0, so the discovery document is at {url}/{tenant}/v2.0/.well-known/openid-configuration.
// Every other endpoint is oidc-provider's own (/device/auth, /token under the issuer path); the client must
// find them through discovery. Nothing Entra-specific is added to the protocol: no interval, no client_info,
// no AADSTS errors.
//
// Usage: node oidc-provider-server.mjs [--port N] [--tenant GUID] [--client-id ID]
//   (or TB_OIDC_PORT, TB_OIDC_TENANT, TB_OIDC_CLIENT_ID). Prints "LISTENING <url>" on stdout once it serves.
//
// Test-only route (loopback peers only): POST {url}/_test/approve {"userCode":"...","decline":false}
// completes the device code as the fixed account (auth-reference.md 4.3, third way) and answers
// {"userCode","accountId","decision"}; 404 for an unknown or expired code.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.TB_OIDC_PORT ?? '0' },
    tenant: { type: 'string', default: process.env.TB_OIDC_TENANT ?? '3f5b8c1e-7a2d-4e6f-9b0c-1d2e3f4a5b6c' },
    'client-id': { type: 'string', default: process.env.TB_OIDC_CLIENT_ID ?? '00000000-0000-0000-0000-00000000c0de' },
  },
});

const tenantId = args.tenant.toLowerCase();
const clientId = args['client-id'];
const issuerPath = `/${tenantId}/v2.0`;

// The one person who signs in; claims shaped like an Entra v2.0 id token (auth-reference.md 1.8).
const account = {
  accountId: '6e1d5b7a-3c9f-4a2e-8d0b-7f6a5e4d3c2b',
  name: 'Interop Tester',
  preferredUsername: 'tester@interop.example',
};

// Graph scope names are declared as the provider's own scopes so that a request for
// "openid profile offline_access User.Read" is granted as asked (oidc-provider drops scopes it does not know).
const graphScopes = ['User.Read', 'User.Read.All', 'User.ReadWrite.All', 'Group.Read.All', 'GroupMember.Read.All',
  'Directory.Read.All', 'Organization.Read.All'];

const fail = (message) => {
  process.stderr.write(`oidc-provider-server: ${message}\n`);
  process.exit(1);
};

const isLoopback = (address) => address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';

const readJsonBody = (req) => new Promise((resolve, reject) => {
  let size = 0;
  const chunks = [];
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size > 16 * 1024) {
      reject(new Error('body too large'));
      req.destroy();
      return;
    }
    chunks.push(chunk);
  });
  req.on('end', () => {
    try {
      resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'));
    } catch (error) {
      reject(error);
    }
  });
  req.on('error', reject);
});

const sendJson = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

// The test's stand-in for a person at the verification page: mirrors what the library's own tests do to
// build an approved device code (a Grant with the requested OIDC scopes, then accountId/grantId on the code).
async function approve(provider, req, res) {
  let body;
  try {
    body = await readJsonBody(req);
  } catch {
    sendJson(res, 400, { error: 'invalid_request', error_description: 'The body must be a JSON object.' });
    return;
  }
  const userCode = typeof body.userCode === 'string' ? body.userCode.toUpperCase().replace(/\W/g, '') : '';
  const code = userCode ? await provider.DeviceCode.findByUserCode(userCode) : undefined;
  if (!code || code.accountId || code.error) {
    sendJson(res, 404, { error: 'not_found', error_description: 'No pending device code has that user code.' });
    return;
  }
  if (body.decline === true) {
    code.error = 'access_denied';
    code.errorDescription = 'End-User aborted interaction';
    await code.save();
    sendJson(res, 200, { userCode, decision: 'declined' });
    return;
  }
  const requested = (code.params.scope ?? '').split(' ').filter(Boolean);
  const grant = new provider.Grant({ accountId: account.accountId, clientId: code.clientId });
  grant.addOIDCScope(requested.join(' '));
  const grantId = await grant.save();
  Object.assign(code, {
    accountId: account.accountId,
    authTime: Math.floor(Date.now() / 1000),
    grantId,
    scope: requested.join(' '),
  });
  await code.save();
  sendJson(res, 200, { userCode, accountId: account.accountId, decision: 'approved' });
}

const server = http.createServer();
server.listen(Number(args.port), '127.0.0.1', () => {
  const { port } = server.address();
  const url = `http://127.0.0.1:${port}`;
  // Fresh keys each run, so that the provider runs without its development keys.
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(`${url}${issuerPath}`, {
    clients: [{
      client_id: clientId,
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
      response_types: [],
      redirect_uris: [],
    }],
    jwks: { keys: [{ ...signingKey, kid: 'interop', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: {
      deviceFlow: { enabled: true },
      devInteractions: { enabled: false },
    },
    scopes: ['openid', 'offline_access', ...graphScopes],
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'oid', 'tid'],
    },
    // Profile claims go into the id token too, as Entra puts them there.
    conformIdTokenClaims: false,
    findAccount: async (ctx, sub) => (sub !== account.accountId ? undefined : {
      accountId: sub,
      claims: async () => ({
        sub,
        oid: sub,
        tid: tenantId,
        name: account.name,
        preferred_username: account.preferredUsername,
      }),
    }),
    // Rotation as configured by default: a public client gets a new refresh token at every use.
    issueRefreshToken: async (ctx, client, code) => client.grantTypeAllowed('refresh_token')
      && code.scopes.has('offline_access'),
  });
  provider.on('server_error', (ctx, error) => process.stderr.write(`oidc-provider: server_error ${error}\n`));
  const providerCallback = provider.callback();

  server.on('request', (req, res) => {
    const path = req.url.split('?')[0];
    if (path === '/_test/approve') {
      if (req.method !== 'POST' || !isLoopback(req.socket.remoteAddress)) {
        sendJson(res, 404, { error: 'not_found' });
        return;
      }
      approve(provider, req, res).catch((error) => sendJson(res, 500, { error: 'server_error',
        error_description: String(error) }));
      return;
    }
    // Mounted under the issuer's path, the way Express mounts it (the provider reads req.originalUrl to build
    // its own URLs).
    if (path === issuerPath || path.startsWith(`${issuerPath}/`)) {
      req.originalUrl = req.url;
      req.url = req.url.slice(issuerPath.length) || '/';
      providerCallback(req, res);
      return;
    }
    sendJson(res, 404, { error: 'not_found' });
  });

  process.stdout.write(`LISTENING ${url}\n`);
  process.stdout.write(`${JSON.stringify({ issuer: provider.issuer, tenantId, clientId })}\n`);
});
server.on('error', (error) => fail(error.message));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => process.exit(0));
}
