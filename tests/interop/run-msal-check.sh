#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 TenantBridge contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Check A of the interoperability tests: Microsoft's MSAL for Node signs in with a device code against the
# standalone sandbox served over TLS, refreshes silently and calls Graph (msal-device-code.mjs).
#   run-msal-check.sh SANDBOX_EXECUTABLE
# Makes a throw-away self-signed certificate for 127.0.0.1, starts the sandbox with the test routes on a free
# port, runs the MSAL script against the Contoso seed tenant, and stops the sandbox. Fails (never skips) when
# Node or the pinned packages are missing.
set -euo pipefail

sandbox=${1:?usage: run-msal-check.sh SANDBOX_EXECUTABLE}
here=$(cd "$(dirname "$0")" && pwd)

command -v node >/dev/null || { echo "run-msal-check: node is not installed (.ci/install-deps test installs it)." >&2; exit 1; }
if [[ ! -d "$here/node_modules/@azure/msal-node" ]]; then
    echo "run-msal-check: the pinned npm packages are missing: run 'npm ci' in tests/interop" \
         "(.ci/build-and-test does it)." >&2
    exit 1
fi

work=$(mktemp -d)
sandbox_pid=""
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
    if [[ -n "$sandbox_pid" ]]; then
        kill "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" -addext "basicConstraints=critical,CA:TRUE" \
    -keyout "$work/key.pem" -out "$work/cert.pem" 2>"$work/openssl.log" ||
    { cat "$work/openssl.log" >&2; exit 1; }

"$sandbox" --tls-cert "$work/cert.pem" --tls-key "$work/key.pem" --test-routes --port 0 \
    >"$work/sandbox.out" 2>"$work/sandbox.err" &
sandbox_pid=$!

# The first line names the URL, the tenant lines follow (all written in one go).
url=""
tenant=""
for _ in $(seq 1 300); do
    url=$(sed -n 's/^Serving Microsoft Graph at \([^ ]*\) .*/\1/p' "$work/sandbox.out")
    tenant=$(sed -n 's/.* id \([0-9a-f-]\{36\}\)  domain contoso\.onmicrosoft\.com .*/\1/p' "$work/sandbox.out")
    if [[ -n "$url" && -n "$tenant" ]] || ! kill -0 "$sandbox_pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
if [[ -z "$url" || -z "$tenant" ]]; then
    echo "run-msal-check: the sandbox did not start, or lists no contoso.onmicrosoft.com tenant:" >&2
    cat "$work/sandbox.out" "$work/sandbox.err" >&2
    exit 1
fi
echo "sandbox at $url, Contoso tenant $tenant"

status=0
NODE_EXTRA_CA_CERTS="$work/cert.pem" node "$here/msal-device-code.mjs" \
    --authority "$url/$tenant" --base "$url" --scopes "User.Read" || status=$?
if [[ $status -ne 0 ]]; then
    echo "--- sandbox stderr" >&2
    tail -n 40 "$work/sandbox.err" >&2
fi
exit $status
