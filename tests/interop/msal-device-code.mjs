// SPDX-FileCopyrightText: 2026 TenantBridge contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Microsoft's own library (MSAL for Node) against the sandbox's login host, used the way an app uses it against
// Entra: a device-code sign-in, a silent refresh that must redeem the refresh token, then one Graph call with
// the new access token. Nothing of MSAL is patched; the sandbox is only named as a known authority so that MSAL
// skips instance discovery at login.microsoftonline.com and reads the sandbox's own discovery document.
//
// Usage: node msal-device-code.mjs --authority https://127.0.0.1:PORT/<tenant id> --base https://127.0.0.1:PORT
//          [--client-id ID] [--scopes "User.Read ..."] [--user UPN]
//   (or TB_MSAL_AUTHORITY, TB_SANDBOX_URL, TB_MSAL_CLIENT_ID, TB_MSAL_SCOPES, TB_MSAL_USER; TB_MSAL_LOG=info|verbose
//   logs MSAL to stderr without personal data). The sandbox's self-signed certificate is trusted through
//   NODE_EXTRA_CA_CERTS, set by the caller.
// Prints one JSON line (never a token or a code) and exits 0 when every check passed, 1 otherwise.
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';

import { LogLevel, PublicClientApplication, version as msalVersion } from '@azure/msal-node';

const { values: args } = parseArgs({
  options: {
    authority: { type: 'string', default: process.env.TB_MSAL_AUTHORITY },
    base: { type: 'string', default: process.env.TB_SANDBOX_URL },
    // Microsoft Graph Command Line Tools, TenantBridge's default client id (login-contract.md).
    'client-id': { type: 'string', default: process.env.TB_MSAL_CLIENT_ID ?? '14d82eec-204b-4c2f-b7e8-296a70dab67e' },
    scopes: { type: 'string', default: process.env.TB_MSAL_SCOPES ?? 'User.Read' },
    user: { type: 'string', default: process.env.TB_MSAL_USER },
  },
});

const result = { ok: false, msalNode: msalVersion, step: 'setup' };

const finish = (error) => {
  if (error) {
    result.error = {
      // MSAL's errors carry the server's error code and description (an AADSTS text), never a token.
      name: error.name,
      errorCode: error.errorCode,
      subError: error.subError || undefined,
      message: String(error.errorMessage || error.message).split('\n')[0],
    };
  } else {
    result.ok = true;
    delete result.step;
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
  if (error) {
    process.stderr.write(`msal-device-code: failed at ${result.step}: ${result.error.errorCode ?? result.error.name}: `
      + `${result.error.message}\n`);
  }
  process.exit(error ? 1 : 0);
};

const check = (condition, message) => {
  if (!condition) {
    throw new Error(message);
  }
};

// Compares refresh tokens without keeping or printing them.
const fingerprint = (text) => createHash('sha256').update(text ?? '').digest('hex');

function refreshTokenFingerprints(app) {
  const cache = JSON.parse(app.getTokenCache().serialize());
  return Object.values(cache.RefreshToken ?? {}).map((entry) => fingerprint(entry.secret));
}

async function approve(base, userCode, user) {
  const response = await fetch(new URL('/_sandbox/devicelogin/approve', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user ? { userCode, user } : { userCode }),
  });
  const text = await response.text();
  if (response.status !== 200) {
    throw new Error(`the sandbox refused the approval: HTTP ${response.status} ${text.slice(0, 300)}`);
  }
  return JSON.parse(text);
}

async function main() {
  check(args.authority, 'give the authority: --authority https://127.0.0.1:PORT/<tenant id>');
  check(args.base, 'give the sandbox URL: --base https://127.0.0.1:PORT');
  const authority = new URL(args.authority);
  check(authority.protocol === 'https:', 'MSAL accepts only https authorities: start the sandbox with TLS');
  const scopes = args.scopes.split(/\s+/).filter(Boolean);
  result.authority = args.authority;
  result.clientId = args['client-id'];

  const logLevel = { info: LogLevel.Info, verbose: LogLevel.Verbose }[process.env.TB_MSAL_LOG] ?? LogLevel.Warning;
  const app = new PublicClientApplication({
    auth: {
      clientId: args['client-id'],
      authority: args.authority,
      // The sandbox is trusted as it stands: no instance discovery at login.microsoftonline.com, and the
      // endpoints come from the sandbox's {authority}/v2.0/.well-known/openid-configuration.
      knownAuthorities: [authority.host],
    },
    system: {
      loggerOptions: {
        logLevel,
        piiLoggingEnabled: false,
        loggerCallback: (level, message) => process.stderr.write(`msal: ${message}\n`),
      },
    },
  });

  result.step = 'device code sign-in';
  let approval;
  let approvalError;
  // MSAL keeps this object and reads its cancel flag between polls (a documented way to stop the polling).
  const request = {
    scopes,
    timeout: 120,
    deviceCodeCallback: (response) => {
      result.deviceCode = {
        userCodeLength: response.userCode.length,
        interval: response.interval,
        expiresIn: response.expiresIn,
        verificationUri: response.verificationUri,
        messageNamesUri: response.message.includes(response.verificationUri),
      };
      approval = approve(args.base, response.userCode, args.user).then(
        (answer) => { result.approval = { decision: answer.decision, user: answer.userPrincipalName }; },
        (error) => {
          approvalError = error;
          request.cancel = true;
        });
    },
  };
  let signIn;
  try {
    signIn = await app.acquireTokenByDeviceCode(request);
  } catch (error) {
    await approval;
    throw approvalError ?? error; // a refused approval explains the cancelled polling better
  }
  await approval;
  check(signIn, 'acquireTokenByDeviceCode returned nothing');
  check(signIn.accessToken && signIn.idToken, 'the sign-in gave no access token or no id token');
  check(signIn.account, 'MSAL built no account from the sign-in');
  result.signIn = {
    tenantId: signIn.tenantId,
    username: signIn.account.username,
    homeAccountIdShape: /^[0-9a-f-]{36}\.[0-9a-f-]{36}$/.test(signIn.account.homeAccountId) ? 'uid.utid' : 'other',
    scopes: signIn.scopes,
    expiresInSeconds: Math.round((signIn.expiresOn - Date.now()) / 1000),
  };
  const firstAccessToken = fingerprint(signIn.accessToken);
  const firstRefreshTokens = refreshTokenFingerprints(app);
  check(firstRefreshTokens.length === 1, `expected one refresh token in MSAL's cache, found ${firstRefreshTokens.length}`);

  // A token issued in the same second with the same claims could be identical; make sure a second has passed.
  const issuedAtSecond = Math.floor(Date.now() / 1000);
  while (Math.floor(Date.now() / 1000) === issuedAtSecond) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  result.step = 'silent refresh';
  const [account] = await app.getTokenCache().getAllAccounts();
  check(account, 'the account is not in MSAL\'s cache after the sign-in');
  const refreshed = await app.acquireTokenSilent({ account, scopes, forceRefresh: true });
  check(refreshed && refreshed.accessToken, 'acquireTokenSilent gave no access token');
  const newRefreshTokens = refreshTokenFingerprints(app);
  result.refresh = {
    fromCache: refreshed.fromCache,
    newAccessToken: fingerprint(refreshed.accessToken) !== firstAccessToken,
    refreshTokenRotated: newRefreshTokens.length === 1 && newRefreshTokens[0] !== firstRefreshTokens[0],
    scopes: refreshed.scopes,
  };
  check(!refreshed.fromCache, 'forceRefresh was answered from the cache, not by the token endpoint');
  check(result.refresh.newAccessToken, 'the refresh gave the same access token back');
  check(result.refresh.refreshTokenRotated, 'the refresh did not store a new refresh token');

  result.step = 'Graph call with the refreshed token';
  const response = await fetch(new URL('/v1.0/organization', args.base), {
    headers: { authorization: `Bearer ${refreshed.accessToken}` },
  });
  const body = await response.text();
  result.graph = { status: response.status };
  check(response.status === 200, `GET /v1.0/organization answered HTTP ${response.status}: ${body.slice(0, 300)}`);
  const organizations = JSON.parse(body).value ?? [];
  result.graph.organizations = organizations.length;
  check(organizations.length === 1 && organizations[0].id === refreshed.tenantId,
    'GET /v1.0/organization did not answer with the signed-in tenant');
}

main().then(() => finish(), (error) => finish(error));
