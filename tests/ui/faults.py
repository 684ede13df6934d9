#!/usr/bin/python3
"""Faults a visitor must never be stuck on, nor given a code for nothing.

Runs the real `rahnuma` binary (under the Xvfb display and D-Bus session
that run-ui-test.sh provides) and looks at it through AT-SPI:

1. no lesson on offer — an empty modules folder, then one whose only
   package is broken — shows the out-of-service screen: no Start, no
   language buttons, no visit in the journal, and the reason in the log;
2. a lesson whose pictures are replaced, while the kiosk runs, by a
   30000 × 30000 PNG (150 kB on disk, 3.6 GB decoded): each scene shows its
   words and the "cannot be played" notice, Next goes on to the questions,
   the kiosk does not crash, and the log names the picture and its size.

The kiosk logs warnings here on purpose, so G_DEBUG's fatal-warnings is
taken out of its environment.

Usage: faults.py --binary B --modules M --db F
"""
import os
import shutil
import sqlite3
import struct
import subprocess
import tempfile
import time
import zlib

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from kiosk_screen import KioskScreen, check, parse_options  # noqa: E402

LANGUAGE_NAMES = ["اردو", "پښتو", "پنجابی", "English"]
OUT_OF_SERVICE = "This kiosk is out of service"
CANNOT_PLAY = "This part cannot be played. Read the words below, then touch Next."
HUGE = 30000


def huge_png(path, side):
    """A valid one-colour 1-bit PNG of side × side pixels, about 150 kB."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    deflate = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * ((side + 7) // 8)
    idat = b"".join(deflate.compress(row) for _ in range(side)) + deflate.flush()
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
                + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


class Faults(KioskScreen):
    def __init__(self, args):
        self.args = args
        self.proc = None
        self.log = None

    def shot(self, label):
        pass  # the other UI tests keep screenshots; these screens are checked by name

    def label(self, name, timeout=None):
        return self.find(lambda n: n.get_role() == Atspi.Role.LABEL and n.get_name() == name,
                         "label “%s”" % name, timeout)

    def start(self, modules, db):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        debug = ",".join(f for f in os.environ.get("G_DEBUG", "").split(",") if f and f != "fatal-warnings")
        # Each start is a new kiosk: a state folder of its own, or the journal
        # guard would take the removed journal for a drive that is missing.
        self.state = tempfile.mkdtemp(prefix="rahnuma-faults-state-")
        env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0", G_DEBUG=debug,
                   XDG_STATE_HOME=self.state)
        self.log = db + ".log"
        self.proc = subprocess.Popen([self.args.binary, "--windowed", "--modules", modules, "--db", db,
                                      "--centre", "TEST", "--kiosk-id", "ui-faults"],
                                     env=env, stdout=open(self.log, "w"), stderr=subprocess.STDOUT)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        shutil.rmtree(self.state, ignore_errors=True)
        with open(self.log, encoding="utf-8", errors="replace") as f:
            return f.read()

    def alive(self):
        check(self.proc.poll() is None, "the kiosk ended (status %s)" % self.proc.returncode)

    # --- 1. no lesson on offer ------------------------------------------------------
    def out_of_service(self, modules, db, why):
        self.start(modules, db)
        try:
            self.label(OUT_OF_SERVICE)
            time.sleep(1)  # anything else would have appeared by now
            on_screen = [n.get_name() for n in self.every(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON)]
            check("Start" not in on_screen, on_screen)
            for name in LANGUAGE_NAMES:
                check(name not in on_screen, on_screen)
            self.alive()
        finally:
            log = self.stop()
        check("Out of service: no lesson is on offer" in log, log)
        check(why in log, log)
        db_conn = sqlite3.connect(db)
        sessions = db_conn.execute("SELECT count(*), count(code) FROM session").fetchone()
        check(sessions == (0, 0), sessions)
        print("out of service (%s): shown, no visit possible" % why)

    # --- 1b. a lesson installed while the kiosk is out of service -------------------
    def back_in_service(self, modules, db):
        self.start(modules, db)
        try:
            self.label(OUT_OF_SERVICE)
            shutil.copytree(os.path.join(self.args.modules, "test-1"), os.path.join(modules, "test-1"))
            # No restart: the kiosk notices the new lesson by itself.
            self.button("Start").do_action(0)
            self.button("English")
            self.alive()
        finally:
            log = self.stop()
        if "Modules changed: 1 on offer" not in log:
            raise AssertionError("the kiosk did not say it picked up the lesson:\n" + log)
        print("a lesson installed while out of service: the welcome screen came back by itself")

    # --- 2. a picture too large, found in the middle of a visit ---------------------
    def huge_picture(self, modules, db):
        self.start(modules, db)
        try:
            start = self.button("Start")
            lesson = os.path.join(modules, "test-1", "media")
            for n in (1, 2, 3):
                huge_png(os.path.join(lesson, "scene-%d.png" % n), HUGE)
            start.do_action(0)
            self.button("English").do_action(0)
            self.skip_about_you()
            self.button("Lesson 1").do_action(0)
            for part in (1, 2, 3):
                self.label("Part %d of 3" % part)
                self.label(CANNOT_PLAY)
                self.label("Lesson 1 — Part %d" % part)
                self.alive()
                self.button("Questions" if part == 3 else "Next").do_action(0)
            self.label("Question 1 of 5")
            self.alive()
        finally:
            log = self.stop()
        check("scene-1.png" in log and "too large" in log and "30000 × 30000" in log, log)
        print("huge picture: every scene showed its words, the visitor reached the questions")

    def run(self):
        work = tempfile.mkdtemp(prefix="rahnuma-faults-")
        try:
            empty = os.path.join(work, "empty")
            os.makedirs(empty)
            self.out_of_service(empty, self.args.db, "0 package(s) left out")

            broken = os.path.join(work, "broken")
            os.makedirs(os.path.join(broken, "only-one"))
            with open(os.path.join(broken, "only-one", "module.ini"), "w") as f:
                f.write("[Module]\nId=only-one\n")
            self.out_of_service(broken, self.args.db, "1 package(s) left out")

            later = os.path.join(work, "later")
            os.makedirs(later)
            self.back_in_service(later, self.args.db)

            copy = os.path.join(work, "modules")
            shutil.copytree(self.args.modules, copy)
            self.huge_picture(copy, self.args.db)
        finally:
            shutil.rmtree(work, ignore_errors=True)


def main():
    Faults(parse_options(("binary", "modules", "db"), optional=())).run()


if __name__ == "__main__":
    main()
