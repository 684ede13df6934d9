#!/bin/sh
# Compile the catalogues into OUTDIR/<lang>/LC_MESSAGES/rahnuma.mo, the layout
# bindtextdomain() wants, so an uninstalled kiosk switches language too.
set -e
outdir=$1; stamp=$2; shift 2
for po in "$@"; do
  lang=$(basename "$po" .po)
  mkdir -p "$outdir/$lang/LC_MESSAGES"
  msgfmt --check -o "$outdir/$lang/LC_MESSAGES/rahnuma.mo" "$po"
done
touch "$stamp"
