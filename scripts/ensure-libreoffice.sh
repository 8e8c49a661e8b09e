#!/usr/bin/env bash
# The document reader's format tests turn a DOCX into a PDF with LibreOffice
# (headless). Install Debian's Writer without a GUI when `soffice` is missing,
# and a Times New Roman stand-in that has the Vietnamese letters (Liberation
# Serif 2; version 1 lacks them and LibreOffice then draws them from a second
# font, which scatters them in the PDF's text layer).
set -euo pipefail
need_fonts() { ! fc-list ':charset=1ec7' family 2>/dev/null | grep -qi 'liberation serif'; }
if command -v soffice >/dev/null 2>&1 && ! need_fonts; then exit 0; fi
sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
install_() { DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends "$@" >&2; }
echo "installing LibreOffice Writer (no GUI) and fonts from Debian's packages…" >&2
sudo_ apt-get update -qq >&2
if ! command -v soffice >/dev/null 2>&1; then
  install_ libreoffice-writer-nogui || install_ libreoffice-writer
fi
if need_fonts; then install_ fonts-liberation2; fi
command -v soffice >/dev/null 2>&1
