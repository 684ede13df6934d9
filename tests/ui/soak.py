#!/usr/bin/python3
"""Soak: visits through the real window, in-process, failing on a leaked visit object.

Runs tests/bench/bench-visits --soak N MODULES (under run-ui-test.sh's Xvfb
and D-Bus session): N visits (language, "about you" skipped, a lesson, back
to the lessons, home), each visit's RahnumaVisit and pages followed with weak
references; any still alive at the welcome screen fails the test. tests/bench/run-all runs 300
of them for memory-after-300-real-visits.
"""
import os
import sys

if len(sys.argv) != 4:
    sys.exit("usage: soak.py BENCH_VISITS N MODULES")
binary, visits, modules = sys.argv[1:]
os.execv(binary, [binary, "--soak", visits, modules])
