#!/bin/sh
# Runs one UI test script under its own Xvfb display and D-Bus session, with
# the accessibility bus, as a person's desktop would have them.
# Usage: run-ui-test.sh SCRIPT [ARGS…]
#
# Xvfb picks a free display itself and says which (-displayfd) once it is
# ready, so parallel runs never race for a display number.
set -eu
tmp=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
Xvfb -displayfd 9 -screen 0 1280x800x24 -nolisten tcp 9>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb=$!
for _ in $(seq 100); do
  [ -s "$tmp/display" ] && break
  kill -0 "$xvfb" 2>/dev/null || { cat "$tmp/xvfb.log" >&2; exit 1; }
  sleep 0.1
done
[ -s "$tmp/display" ] || { echo "Xvfb did not start" >&2; exit 1; }
DISPLAY=:$(cat "$tmp/display")
export DISPLAY
dbus-run-session -- /usr/bin/python3 "$@"
