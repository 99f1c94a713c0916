#!/bin/sh
# Regenerates the committed PNG icons from the SVG sources in this folder.
# Needs rsvg-convert (Debian: apt-get install librsvg2-bin). Run it after editing an SVG,
# then commit the PNGs together with the SVG.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
cd "$here"

if ! command -v rsvg-convert >/dev/null 2>&1; then
    echo "render.sh: rsvg-convert not found (apt-get install librsvg2-bin)" >&2
    exit 1
fi

app_id=io.github.tokenbench.Tokenbench
mime_icon=application-x-tokenbench-workspace

# The sizes the hicolor theme looks up for applications and for MIME types.
app_sizes="16 22 24 32 48 64 128 256 512"
mime_sizes="16 22 24 32 48 64 128 256"

for size in $app_sizes; do
    mkdir -p "hicolor/${size}x${size}/apps"
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio \
        --output "hicolor/${size}x${size}/apps/${app_id}.png" "${app_id}.svg"
done

for size in $mime_sizes; do
    mkdir -p "hicolor/${size}x${size}/mimetypes"
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio \
        --output "hicolor/${size}x${size}/mimetypes/${mime_icon}.png" "${mime_icon}.svg"
done

echo "render.sh: wrote $(find hicolor -name '*.png' | wc -l) PNG files under $here/hicolor"
