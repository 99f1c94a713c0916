#!/usr/bin/env bash
# Installs the Debian packages Tokenbench needs, only when something is missing (quick when all is there).
#   scripts/deps.sh build   - to build and run
#   scripts/deps.sh test    - plus the test peers' needs (Xvfb, D-Bus, gnome-keyring, validators, clang;
#                             curl, openssl and patch run exported scripts, make test certificates and apply
#                             diffs; PyYAML reads exported Kyma YAML independently)
set -euo pipefail

want=(cmake ninja-build g++ pkg-config
      qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
      qtkeychain-qt6-dev libssl-dev libgl-dev libqt6svg6 qt6-qpa-plugins libsecret-1-0)
if [ "${1:-build}" = test ]; then
  want+=(xvfb xauth dbus-daemon dbus-x11 gnome-keyring libsecret-tools
         desktop-file-utils appstream dpkg-dev file groff-base
         clang libclang-rt-14-dev
         curl openssl patch python3 python3-yaml)
fi
command -v node >/dev/null 2>&1 || want+=(nodejs)
command -v npm >/dev/null 2>&1 || want+=(npm)

missing=()
for p in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
