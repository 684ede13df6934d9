#!/bin/sh
# Runs one UI test script under its own Xvfb display and D-Bus session, with
# the accessibility bus, as a person's desktop would have them.
# Usage: run-ui-test.sh SCRIPT [ARGS…]
# RAHNUMA_XVFB_SCREEN=WxH gives the display another size than 1280x800.
#
# Each run takes a display number of its own, well above the ones desktops
# and other tools use (:0 in particular may already be served by someone
# else's X server that clients reach first through the abstract socket).
# Servers start one at a time, under a lock, so two runs never take the
# same number; a display a client cannot open is replaced.
set -eu
tmp=$(mktemp -d)
xvfb=
trap '[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
# The kiosk's note of its journals (rahnuma-journal-guard.c) is this run's:
# a test that starts over with a new journal must not find it "missing".
XDG_STATE_HOME="$tmp/state"
export XDG_STATE_HOME

start_xvfb () {
  n=$1
  [ -e "/tmp/.X$n-lock" ] && return 1
  # meson sets MALLOC_PERTURB_ for the tests; the X server is not under
  # test, and some values of it break Xvfb's keymap loading.
  env -u MALLOC_PERTURB_ -u MALLOC_CHECK_ Xvfb ":$n" -screen 0 "${RAHNUMA_XVFB_SCREEN:-1280x800}x24" -nolisten tcp \
    2>"$tmp/xvfb.log" 8>&- &
  xvfb=$!
  for _ in $(seq 100); do
    kill -0 "$xvfb" 2>/dev/null || { xvfb=; return 1; }
    DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1 && break
    sleep 0.1
  done
  DISPLAY=":$n"
  export DISPLAY
  # What must work is a GTK client opening the display, not only xdotool.
  for _ in $(seq 50); do
    env -u MALLOC_PERTURB_ -u MALLOC_CHECK_ -u G_DEBUG /usr/bin/python3 -c \
      'import gi, sys; gi.require_version("Gtk", "4.0"); from gi.repository import Gtk; sys.exit(not Gtk.init_check())' \
      2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}

new_display () {
  [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
  xvfb=
  exec 8>"${TMPDIR:-/tmp}/rahnuma-xvfb-start.lock"
  flock 8
  n=$((200 + ($$ + ${1:-0} * 37) % 500))
  for attempt in $(seq 20); do
    start_xvfb "$n" && break
    [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null
    xvfb=
    n=$((n + 1))
    [ "$attempt" = 20 ] && { echo "no X display could be started: $(cat "$tmp/xvfb.log")" >&2; exit 1; }
  done
  flock -u 8
  exec 8>&-
}

# A client that cannot open a display the server is serving is the test
# machine's trouble, not the kiosk's: that run is repeated once, on a new
# display. Any other failure counts.
for run in 1 2; do
  new_display "$run"
  status=0
  dbus-run-session -- /usr/bin/python3 "$@" >"$tmp/out.log" 2>&1 || status=$?
  cat "$tmp/out.log"
  [ "$status" = 0 ] && exit 0
  grep -q "cannot open display" "$tmp/out.log" || break
  echo "run $run could not open $DISPLAY: trying once more on a new display" >&2
done
echo "X server on $DISPLAY: $(kill -0 "$xvfb" 2>/dev/null && echo running || echo gone); its log:" >&2
cat "$tmp/xvfb.log" >&2
exit "$status"
