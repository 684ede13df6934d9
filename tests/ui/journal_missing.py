#!/usr/bin/python3
"""The journal's drive not mounted at start: out of service, then back.

Runs the real `rahnuma` binary in kiosk mode under the Xvfb display and
D-Bus session that run-ui-test.sh provides (which also gives it a fresh
$XDG_STATE_HOME, where the kiosk notes its journals):

1. the first start creates the journal on the "drive" (a folder) and shows
   the welcome screen;
2. with the drive "unmounted" (its folder renamed away, an empty mount point
   left in its place) the kiosk shows the out-of-service page with the
   reason, logs it, and writes nothing into the mount point;
3. once the drive is back, the kiosk finds the journal by itself and shows
   the welcome screen, with the same journal.

Usage: journal_missing.py --binary B --modules M [--screenshot PNG]
"""
import os
import signal
import sqlite3
import subprocess
import time

from kiosk_screen import KioskScreen, check, in_scratch_dir, parse_options
from gi.repository import Atspi  # noqa: E402  (kiosk_screen requires the version)

RETRY_S = 10  # JOURNAL_RETRY_S in rahnuma-application.c


class Test(KioskScreen):
    def __init__(self, args, tmp):
        self.args = args
        self.tmp = tmp
        self.drive = os.path.join(tmp, "drive")
        self.away = os.path.join(tmp, "drive-unmounted")
        self.db = os.path.join(self.drive, "rahnuma", "journal.db")

    def shot(self, label):
        if self.args.screenshot:
            path = self.args.screenshot if label == "out-of-service" else \
                self.args.screenshot.replace(".png", "-%s.png" % label)
            subprocess.run(["import", "-window", "root", path], check=False)

    def start(self, name):
        # A missing journal is a warning in the technician log: not fatal here.
        env = {k: v for k, v in os.environ.items() if k != "G_DEBUG"}
        env.update(GSK_RENDERER="cairo", NO_AT_BRIDGE="0")
        log = os.path.join(self.tmp, name + ".log")
        proc = subprocess.Popen([self.args.binary, "--modules", self.args.modules, "--db", self.db],
                                env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)
        return proc, log

    def stop(self, proc):
        proc.send_signal(signal.SIGTERM)
        check(proc.wait(10) == 0, 'proc.wait(10) == 0')

    def label(self, predicate, what, timeout=None):
        return self.find(lambda n: n.get_role() == Atspi.Role.LABEL and predicate(n.get_name() or ""),
                         what, timeout)

    def journal_id(self):
        db = sqlite3.connect(self.db)
        try:
            return db.execute("SELECT journal_id FROM journal").fetchone()[0]
        finally:
            db.close()

    def run(self):
        os.makedirs(self.drive)
        proc, _ = self.start("first")
        try:
            self.button("Start")
        finally:
            self.stop(proc)
        first_id = self.journal_id()
        print("first start: journal %s created" % first_id)

        os.rename(self.drive, self.away)
        os.makedirs(self.drive)
        proc, log = self.start("missing")
        try:
            self.label(lambda name: name == "Out of service", "the out-of-service title")
            self.label(lambda name: "is missing" in name and self.db in name, "the reason, for the officer")
            self.shot("out-of-service")
            check(self.first(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == "Start") \
                is None,
                  "the welcome screen shows without a journal")
            check(os.listdir(self.drive) == [], os.listdir(self.drive))
            with open(log) as f:
                text = f.read()
            check("Out of service: The journal %s (id %s) is missing" % (self.db, first_id) in text, text)
            print("drive missing: out of service, the reason shown and logged, nothing written")

            os.rmdir(self.drive)
            os.rename(self.away, self.drive)
            self.button("Start", timeout=RETRY_S * 3)
            with open(log) as f:
                check("is back: the kiosk starts" in f.read(), '"is back: the kiosk starts" in f.read()')
        finally:
            self.stop(proc)
        check(self.journal_id() == first_id, 'self.journal_id() == first_id')
        print("drive back: the kiosk started by itself, on the same journal")


def main():
    args = parse_options(("binary", "modules"))
    in_scratch_dir(lambda tmp: Test(args, tmp).run())


if __name__ == "__main__":
    main()
