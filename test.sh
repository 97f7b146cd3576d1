#!/usr/bin/env bash
# Runs every LapGate test. Installs missing test dependencies (Debian packages) first.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/install-test-deps.sh
dotnet test LapGate.slnx -c Release "$@"
