#!/usr/bin/env bash
# Renders the PNG sizes desktops use from aijri-desk.svg (run after editing the SVG, commit the
# PNGs). Needs rsvg-convert (Debian/Ubuntu: apt-get install librsvg2-bin).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert --width "$size" --height "$size" --output "aijri-desk-$size.png" aijri-desk.svg
done
