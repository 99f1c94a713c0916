#!/bin/sh
# Validates the desktop integration files in packaging/:
#   - the .desktop file with desktop-file-validate      (Debian: desktop-file-utils)
#   - the AppStream metainfo with appstreamcli --no-net  (Debian: appstream)
#   - the MIME type definition with update-mime-database (Debian: shared-mime-info)
#   - the man pages with groff's warnings enabled        (Debian: groff-base, optional)
#   - that every size of the icons is present and the application id is used consistently.
# Prints each check's outcome and exits non-zero when any check fails or a required tool is missing.
#
# Usage: packaging/validate.sh [PACKAGING_DIR]   (default: the folder this script is in)
set -u

dir=${1:-$(cd "$(dirname "$0")" && pwd)}
app_id=io.github.tokenbench.Tokenbench
mime_type=application/x-tokenbench-workspace
desktop="$dir/$app_id.desktop"
metainfo="$dir/$app_id.metainfo.xml"
mimexml="$dir/$app_id.mime.xml"

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() {
    echo "ok:   $*"
}
need() {
    if ! command -v "$1" >/dev/null 2>&1; then
        fail "$1 is not installed (apt-get install $2)"
        return 1
    fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# 1. Desktop entry. Hints (such as two main categories) are printed but are not errors.
if need desktop-file-validate desktop-file-utils; then
    if desktop-file-validate "$desktop" >"$tmp/desktop.log" 2>&1 && ! grep -q ': error: ' "$tmp/desktop.log"; then
        pass "desktop-file-validate $(basename "$desktop")"
        sed 's/^/      /' "$tmp/desktop.log"
    else
        fail "desktop-file-validate $(basename "$desktop"):"
        sed 's/^/      /' "$tmp/desktop.log" >&2
    fi
fi

# 2. AppStream metainfo, without fetching the screenshot or URLs.
if need appstreamcli appstream; then
    if appstreamcli validate --no-net "$metainfo" >"$tmp/metainfo.log" 2>&1; then
        pass "appstreamcli validate --no-net $(basename "$metainfo")"
        grep -E '^[EWI]:' "$tmp/metainfo.log" | sed 's/^/      /'
    else
        fail "appstreamcli validate --no-net $(basename "$metainfo"):"
        sed 's/^/      /' "$tmp/metainfo.log" >&2
    fi
fi

# 3. MIME type: build a private MIME database from the definition and look for the type in it.
#    (update-mime-database exits 0 even when it cannot parse a file, so check its result.)
if need update-mime-database shared-mime-info; then
    mkdir -p "$tmp/mime/packages"
    cp "$mimexml" "$tmp/mime/packages/"
    update-mime-database "$tmp/mime" >"$tmp/mime.log" 2>&1
    if [ -f "$tmp/mime/$mime_type.xml" ] && grep -q "^$mime_type:\*\.tbw\$" "$tmp/mime/globs" \
        && ! grep -qi 'error\|failed' "$tmp/mime.log"; then
        pass "update-mime-database accepts $(basename "$mimexml") ($mime_type, *.tbw)"
    else
        fail "update-mime-database did not register $mime_type from $(basename "$mimexml"):"
        sed 's/^/      /' "$tmp/mime.log" >&2
    fi
fi

# 4. Man pages: groff with all warnings; any output is a problem.
if command -v groff >/dev/null 2>&1; then
    for page in "$dir"/*.1; do
        if LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" >"$tmp/man.log" 2>&1 && [ ! -s "$tmp/man.log" ]; then
            pass "groff -man -ww $(basename "$page")"
        else
            fail "groff reports problems in $(basename "$page"):"
            sed 's/^/      /' "$tmp/man.log" >&2
        fi
    done
else
    echo "skip: groff not installed; man pages not checked"
fi

# 5. Consistency: one application id everywhere, and every icon size present.
grep -qx "Icon=$app_id" "$desktop" || fail "$(basename "$desktop") does not say Icon=$app_id"
grep -q "^MimeType=.*$mime_type;" "$desktop" || fail "$(basename "$desktop") does not list MimeType $mime_type"
grep -q "<id>$app_id</id>" "$metainfo" || fail "$(basename "$metainfo") does not have <id>$app_id</id>"
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
    || fail "$(basename "$metainfo") does not launch $app_id.desktop"
[ -f "$dir/icons/$app_id.svg" ] || fail "icons/$app_id.svg is missing"
for size in 16 22 24 32 48 64 128 256 512; do
    png="$dir/icons/hicolor/${size}x${size}/apps/$app_id.png"
    if [ ! -f "$png" ]; then
        fail "icons/hicolor/${size}x${size}/apps/$app_id.png is missing (run packaging/icons/render.sh)"
    elif command -v file >/dev/null 2>&1 && ! file "$png" | grep -q "PNG image data, $size x $size,"; then
        fail "icons/hicolor/${size}x${size}/apps/$app_id.png is not a ${size}x${size} PNG"
    fi
done
[ "$failures" -eq 0 ] && pass "application id $app_id, MIME type and icon sizes consistent"

if [ "$failures" -ne 0 ]; then
    echo "validate.sh: $failures check(s) failed" >&2
    exit 1
fi
echo "validate.sh: all checks passed"
