#!/usr/bin/env bash
# Regenerates every committed icon render from the SVG sources in this folder:
#   app-small.svg -> app-16.png, app-32.png (drawn on a 16 px grid, crisp at 1x and 2x)
#   app.svg       -> app-48 ... app-512.png
#   all of them   -> app.ico (16-256, for Windows) and app.icns (16-512 plus 1024, for macOS)
# Tools, all from Debian's packages:
#   apt-get install librsvg2-bin imagemagick icnsutils
# The build never runs this: the renders are committed. Run it after editing an SVG, look at
# the results (16 px and 256 px at least), commit the SVG and the renders together.
set -euo pipefail
cd "$(dirname "$0")"

missing=""
command -v rsvg-convert >/dev/null || missing="$missing librsvg2-bin"
[ -x /usr/bin/convert ] || command -v convert-im6.q16 >/dev/null || missing="$missing imagemagick"
command -v png2icns >/dev/null || missing="$missing icnsutils"
if [ -n "$missing" ]; then
    echo "render.sh needs:$missing (apt-get install$missing)" >&2
    exit 1
fi

render() { # SVG SIZE OUT
    rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio "$1" --output "$3"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for s in 16 24 32; do render app-small.svg "$s" "$tmp/app-$s.png"; done
for s in 48 64 128 256 512 1024; do render app.svg "$s" "$tmp/app-$s.png"; done

for s in 16 32 48 64 128 256 512; do cp "$tmp/app-$s.png" "app-$s.png"; done

# Windows: one .ico holding every size Explorer and the taskbar ask for; 256 is stored as PNG.
convert "$tmp"/app-{16,24,32,48,64,128,256}.png app.ico

# macOS: png2icns picks the icon type from each PNG's size (1024 becomes the 512@2x slot).
png2icns app.icns "$tmp"/app-{16,32,48,128,256,512,1024}.png >/dev/null

ls -l app-*.png app.ico app.icns
