#!/usr/bin/env bash
# Browser tests drive Debian's Chromium; install it when it is missing
# (no browser downloads: this machine reaches only npm and Debian).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "installing Chromium from Debian's packages…" >&2
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
sudo_ apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq chromium >&2
