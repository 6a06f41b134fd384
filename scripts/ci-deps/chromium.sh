#!/usr/bin/env bash
# Debian's Chromium for the HTML report's browser tests (test/report/*.browser.test.ts),
# driven by playwright-core against /usr/bin/chromium. Installs it only when missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium
/usr/bin/chromium --version
