#!/usr/bin/env bash
# Saves the screenshots the AppStream metainfo shows, from the real window
# under Xvfb: data/screenshots/main-window.png, search.png, compare.png,
# forms.png (a coverage report), fill-form.png and fill-form-es.png (a form
# being filled beside its preview, in English and in Spanish), agency.png
# (Forms → Agency), editor.png (the template editor at work on an agency
# copy of the informed-consent form) and changes.png (Compare Versions,
# 1.0 → 2.0).
# Usage: build-aux/screenshots.sh [BUILDDIR]   (default: _build)
# A fresh XDG_DATA_HOME keeps anyone's own bookmarks and notes out of them.
set -euo pipefail

srcdir=$(cd "$(dirname "$0")/.." && pwd)
builddir=${1:-_build}
case "$builddir" in
  /*) ;;
  *) builddir="$srcdir/$builddir" ;;
esac
outdir="$srcdir/data/screenshots"

ninja -C "$builddir" src/app/ethos-screenshot data/corpus.db data/gschemas.compiled >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/config/gtk-4.0" "$tmp/data" "$outdir"
# GNOME's own interface font and size, as a GNOME session would set them.
if fc-list : family | grep -i cantarell >/dev/null; then
  printf '[Settings]\ngtk-font-name=Cantarell 11\n' > "$tmp/config/gtk-4.0/settings.ini"
fi

export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$builddir/data" GTK_A11Y=none
export LC_ALL=C.UTF-8 LANGUAGE=en

shoot() {
  local view=$1 out=$2
  xvfb-run -a -s "-screen 0 1400x900x24" \
    "$builddir/src/app/ethos-screenshot" --view "$view" --width 1200 --height 780 "$outdir/$out"
  echo "$outdir/$out"
}

shoot main main-window.png
shoot search search.png
shoot compare compare.png
shoot forms forms.png
shoot fill fill-form.png
LANGUAGE=es shoot fill fill-form-es.png
# The manager's views each start from an empty user database.
for view in agency editor changes; do
  rm -rf "$tmp/data"; mkdir -p "$tmp/data"
  shoot "$view" "$view.png"
done
