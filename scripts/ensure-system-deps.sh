#!/usr/bin/env bash
# Installs the system packages the renderer and the tests need (Chromium, poppler, qpdf, fonts) when missing.
# Puppeteer cannot download its own browser on our machines, so we use Debian's.
set -u
missing=()
[ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] && [ -x "${PUPPETEER_EXECUTABLE_PATH}" ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# The accessibility tests check every PDF with qpdf --check.
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
fc-list 2>/dev/null | grep -qi 'Open Sans' || missing+=(fonts-open-sans)
fc-list 2>/dev/null | grep -qi 'DejaVu Sans' || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "ensure-system-deps: installing ${missing[*]}"
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "ensure-system-deps: please install as root: apt-get install -y ${missing[*]}" >&2; exit 0; fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-system-deps: no apt-get; install ${missing[*]} with your package manager" >&2; exit 0; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || { echo "ensure-system-deps: apt-get install failed" >&2; exit 1; }
