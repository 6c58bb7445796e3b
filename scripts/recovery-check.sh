#!/usr/bin/env bash
# Checks crash recovery on the release binary as a user meets it: an edit (Wage Trends -1 -> 0),
# five seconds, kill -9, a restart that must offer the edit back, Restore, and the header at
# 26.0 again. Runs on a virtual display with the accessibility bus, pressing controls by name.
# Needs: xvfb at-spi2-core python3-pyatspi imagemagick and `cargo build --release`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BIN="$PWD/target/release/aijri-desk"
WORK="$(mktemp -d)"
mkdir -p "$WORK/library" "$WORK/data"
cp assessments/*.aijri.json "$WORK/library/"
Xvfb :78 -screen 0 1400x900x24 >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
sleep 1
dbus-run-session -- bash -c "
  set -e
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  sleep 1
  busctl --user set-property org.a11y.Bus /org/a11y/bus org.a11y.Status IsEnabled b true
  export AIJRI_DESK_DATA_DIR='$WORK/data' DISPLAY=:78
  '$BIN' '$WORK/library' >/dev/null 2>&1 &
  APP=\$!
  sleep 4
  /usr/bin/python3 scripts/press.py 'Backend/API Developer' 'Evidence' 'Wage Trends: 0' --expect 'Current score 26.0'
  sleep 5
  kill -9 \$APP
  echo \"killed with -9 five seconds after the edit; recovery files: \$(ls '$WORK/data/recovery' | wc -l)\"
  '$BIN' '$WORK/library' >/dev/null 2>&1 &
  APP=\$!
  sleep 4
  import -window root '$WORK/after-restart.png'
  /usr/bin/python3 scripts/press.py --expect 'Unsaved work from last time'
  /usr/bin/python3 scripts/press.py 'Restore backend-api-developer.aijri.json' --expect 'Current score 26.0'
  import -window root '$WORK/restored.png'
  kill \$APP
"
echo "screenshots: $WORK/after-restart.png $WORK/restored.png"
