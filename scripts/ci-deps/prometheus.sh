#!/usr/bin/env bash
# Installs the Prometheus server (Debian's `prometheus` package) when it is missing:
# test/telemetry/prometheus.test.ts starts a real one on 127.0.0.1 for `modelshift analyze`.
set -euo pipefail
if command -v prometheus >/dev/null 2>&1; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# --no-install-recommends: the server alone, without the node exporter and other extras.
apt-get install -y -qq --no-install-recommends prometheus >/dev/null
# The package starts a system service where one can run; the tests start their own, so stop it if it came up.
if command -v systemctl >/dev/null 2>&1 && systemctl is-active --quiet prometheus 2>/dev/null; then
  systemctl stop prometheus || true
fi
prometheus --version | head -1
