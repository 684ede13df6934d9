#!/bin/sh
# run-play.sh — the player benchmarks: play to first frame against a bare
# playbin, and memory after 200 plays against 10 plays, one row each:
#   <name>  <value>  <baseline>  <ratio>x
# Uses the build directory in $BUILD_DIR, else build/. Extra arguments go to
# bench-play (the number of runs for the median, default 21).
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build_dir=${BUILD_DIR:-"$here/../../build"}
bench="$build_dir/tests/bench-play"

if [ ! -x "$bench" ]; then
  ninja -C "$build_dir" tests/bench-play >&2
fi
exec "$bench" "$@"
