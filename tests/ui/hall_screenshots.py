#!/usr/bin/env python3
"""The README's pictures of hall mode, with the bundled lessons (media/modules).

Not a test: it checks nothing. Run it under tests/ui/run-ui-test.sh at the
screen size wanted, e.g.

  GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=build/data RAHNUMA_XVFB_SCREEN=1920x1080 \\
    tests/ui/run-ui-test.sh tests/ui/hall_screenshots.py --binary build/src/kiosk/rahnuma \\
    --narration ur --subtitles ur --out docs/screenshots

It writes hall-setup.png, hall-<subtitles>-scene.png (the second picture of
the first lesson), -question.png, -answer.png and hall-count.png (87 typed).
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kiosk_screen import Atspi, KioskScreen, run_kiosk  # noqa: E402

BUTTON = Atspi.Role.PUSH_BUTTON
NAMES = {"ur": "Urdu — اردو", "ps": "Pashto — پښتو", "pa_PK": "Punjabi — پنجابی", "en": "English"}


class Shots(KioskScreen):
    def __init__(self, args):
        self.args = args

    def shot(self, name):
        subprocess.run(["import", "-window", "root", os.path.join(self.args.out, name)], check=False)

    def next(self, show, times=1):
        for _ in range(times):
            self.labelled(show, BUTTON, "Next").do_action(0)
            time.sleep(0.6)

    def choose(self):
        setup = self.page("RahnumaHallSetup")
        for group, code in (("Language of the narration", self.args.narration),
                            ("Language of the subtitles", self.args.subtitles)):
            box = self.inside(setup, lambda n: n.get_name() == group and n.get_role() != Atspi.Role.LABEL, group)
            self.labelled(box, BUTTON, NAMES[code]).do_action(0)
            time.sleep(0.3)
        # The toggles' colour transition ends before the picture: a shot
        # taken at once showed the language just left half-coloured.
        time.sleep(1.5)
        self.shot("hall-setup.png")
        self.labelled(setup, BUTTON, "Start the briefing").do_action(0)

    def body(self, proc):
        subs = self.args.subtitles
        self.choose()
        show = self.page("RahnumaHallShow")
        self.labelled(show, Atspi.Role.LABEL, "Lesson 1 of 7 — picture 1 of 6")
        self.next(show)
        time.sleep(3)
        self.shot("hall-%s-scene.png" % subs)
        while not self.first(lambda n: n.get_role() == Atspi.Role.LABEL and "question 1 of" in (n.get_name() or "")):
            self.next(show)
        time.sleep(1.5)
        self.shot("hall-%s-question.png" % subs)
        self.next(show)
        time.sleep(1.5)
        self.shot("hall-%s-answer.png" % subs)
        self.labelled(show, BUTTON, "Head count").do_action(0)
        count = self.page("RahnumaHallCount")
        for digit in "87":
            self.labelled(count, BUTTON, digit).do_action(0)
            time.sleep(0.2)
        time.sleep(0.5)
        self.shot("hall-count.png")


def main():
    parser = argparse.ArgumentParser()
    for option in ("binary", "narration", "subtitles", "out"):
        parser.add_argument("--" + option, required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0", LANGUAGE="")
    with tempfile.TemporaryDirectory() as tmp:
        run_kiosk([args.binary, "--hall", "--db", os.path.join(tmp, "journal.db")], env, Shots(args).body,
                  log=os.path.join(tmp, "hall.log"))


if __name__ == "__main__":
    main()
