#!/usr/bin/env bash
# Installs the Debian bookworm packages Ethos needs to build and test.
# Idempotent: does nothing when everything is already present.
set -euo pipefail

packages=(
  meson ninja-build gcc pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev
  libhpdf-dev libpng-dev libjpeg-dev zlib1g-dev
  libsqlite3-dev sqlite3 libjson-glib-dev
  libfontconfig-dev libfreetype-dev libcairo2-dev
  fonts-liberation2 fonts-dejavu-core fonts-arphic-uming fonts-nanum fonts-ipafont-gothic
  xvfb xauth libpoppler-glib-dev poppler-utils qpdf
  desktop-file-utils appstream python3
  fonts-cantarell
  librsvg2-bin groff-base man-db
  libpango1.0-dev tidy fonts-wqy-microhei
  xdotool dbus-daemon dbus-x11 at-spi2-core python3-pyatspi
  diction locales
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
