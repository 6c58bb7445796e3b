#!/usr/bin/env bash
# Reads AIJRI Desk's window as a screen reader does: starts a virtual display, a D-Bus session
# with the AT-SPI accessibility bus, the release binary on the shipped library, and lists the
# accessibility tree with scripts/a11y_tree.py (which exits 1 if a control has no name).
# Needs: xvfb at-spi2-core python3-pyatspi (Debian packages) and `cargo build --release`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN="${1:-target/release/aijri-desk}"
DISPLAY_NUMBER=":79"
Xvfb "$DISPLAY_NUMBER" -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
DATA="$(mktemp -d)"
dbus-run-session -- bash -c "
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  sleep 1
  busctl --user set-property org.a11y.Bus /org/a11y/bus org.a11y.Status IsEnabled b true
  AIJRI_DESK_DATA_DIR='$DATA' DISPLAY='$DISPLAY_NUMBER' '$BIN' assessments >/dev/null 2>&1 &
  APP=\$!
  sleep 4
  status=0
  /usr/bin/python3 scripts/a11y_tree.py || status=\$?
  kill \$APP 2>/dev/null || true
  exit \$status
"
