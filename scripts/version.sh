#!/usr/bin/env bash
# Prints the version stamped into lapgate and its packages:
#   LAPGATE_VERSION when set (e.g. LAPGATE_VERSION=0.2.0 bash scripts/package.sh), else
#   <VersionPrefix>+git<commits>.<commit> from Directory.Build.props and git (e.g. 0.1.0+git418.15462f9),
#   or just <VersionPrefix> outside a git checkout. Valid as a Debian version and as a .NET informational version.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${LAPGATE_VERSION:-}" ]; then
  echo "$LAPGATE_VERSION"
  exit 0
fi
prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
if count=$(git rev-list --count HEAD 2>/dev/null) && sha=$(git rev-parse --short=7 HEAD 2>/dev/null); then
  echo "$prefix+git$count.$sha"
else
  echo "$prefix"
fi
