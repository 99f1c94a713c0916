#!/usr/bin/env bash
# Builds the .deb from a configured and built tree, unpacks it into a throw-away root and runs the
# installed binaries' --version. Usage: packaging/test-deb.sh BUILD_DIR VERSION
set -euo pipefail
build=$1
version=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/out" >"$work/cpack.log" 2>&1 || { cat "$work/cpack.log"; exit 1; }
deb=$(ls "$work"/out/*.deb)
echo "built $(basename "$deb")"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
if echo "$depends" | grep -q -- '-dev'; then
  echo "FAIL: the package depends on a -dev package"; exit 1
fi
for lib in libqt6core6 libqt6keychain1 libssl3; do
  echo "$depends" | grep -q "$lib" || { echo "FAIL: $lib missing from Depends"; exit 1; }
done

dpkg -x "$deb" "$work/root"
for f in usr/bin/tokenbench usr/bin/tokenbench-cli \
         usr/share/applications/io.github.tokenbench.Tokenbench.desktop \
         usr/share/metainfo/io.github.tokenbench.Tokenbench.metainfo.xml \
         usr/share/mime/packages/io.github.tokenbench.Tokenbench.xml \
         usr/share/icons/hicolor/scalable/apps/io.github.tokenbench.Tokenbench.svg \
         usr/share/icons/hicolor/48x48/apps/io.github.tokenbench.Tokenbench.png \
         usr/share/man/man1/tokenbench-cli.1; do
  [ -e "$work/root/$f" ] || { echo "FAIL: $f is not in the package"; exit 1; }
done

cli=$("$work/root/usr/bin/tokenbench-cli" --version)
gui=$(QT_QPA_PLATFORM=offscreen "$work/root/usr/bin/tokenbench" --version)
echo "$cli"
echo "$gui"
[ "$cli" = "tokenbench-cli $version" ] || { echo "FAIL: unexpected CLI version"; exit 1; }
[ "$gui" = "Tokenbench $version" ] || { echo "FAIL: unexpected GUI version"; exit 1; }
