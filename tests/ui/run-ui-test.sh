#!/bin/sh
# Runs one UI test script under its own Xvfb display and D-Bus session, with
# the accessibility bus, as a person's desktop would have them.
# Usage: run-ui-test.sh SCRIPT [ARGS…]
set -eu
# A server number of our own: parallel tests (and developers) must not race for :99.
exec xvfb-run -a -n $((100 + $$ % 800)) -s "-screen 0 1280x800x24" dbus-run-session -- /usr/bin/python3 "$@"
