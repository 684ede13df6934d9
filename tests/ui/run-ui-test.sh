#!/bin/sh
# Runs one UI test script under its own Xvfb display and D-Bus session, with
# the accessibility bus, as a person's desktop would have them.
# Usage: run-ui-test.sh SCRIPT [ARGS…]
#
# Xvfb picks a free display itself and says which (-displayfd), so parallel
# runs never race for a display number. A display that a client cannot open
# (seen on busy shared machines) is replaced, up to three times.
set -eu
tmp=$(mktemp -d)
xvfb=
trap '[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

start_xvfb () {
  : >"$tmp/display"
  Xvfb -displayfd 9 -screen 0 1280x800x24 -nolisten tcp 9>"$tmp/display" 2>"$tmp/xvfb.log" &
  xvfb=$!
  for _ in $(seq 100); do
    [ -s "$tmp/display" ] && break
    kill -0 "$xvfb" 2>/dev/null || return 1
    sleep 0.1
  done
  [ -s "$tmp/display" ] || return 1
  DISPLAY=:$(cat "$tmp/display")
  export DISPLAY
  xdotool getdisplaygeometry >/dev/null 2>&1
}

for attempt in 1 2 3; do
  start_xvfb && break
  echo "Xvfb attempt $attempt failed: $(cat "$tmp/xvfb.log" 2>/dev/null)" >&2
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  xvfb=
  [ "$attempt" = 3 ] && exit 1
done
dbus-run-session -- /usr/bin/python3 "$@"
