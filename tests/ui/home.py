#!/usr/bin/python3
"""Home during a visit asks first, walked by touch through AT-SPI.

A tester, as a worker who cannot read, lost a visit with one accidental
touch of Home. Starts the real `rahnuma` binary (under the Xvfb display and
D-Bus session that run-ui-test.sh provides) with the two-lesson fixture.
The visitor:

1. chooses the language, takes the full path, skips "about you" and opens
   lesson 1, which plays;
2. touches Home: "Start again from the beginning?" comes up over the lesson
   and is said ("Saying …/home-confirm.ogg" in the kiosk's log), with its
   answers "No, go on" and "Yes, start again" side by side (in the
   reading order: right to left in Pashto and Urdu), on the screen; the
   lesson waits (its progress bar stands still);
3. touches "No, go on": the question goes, the same lesson is on screen and
   plays on; the journal's visit is still active;
4. touches Home again, then "Yes, start again": the welcome screen, and
   the journal's one visit is abandoned.

The question and answer words are the prompts' (media/prompts/prompts.ini),
as the kiosk says them; every other text comes from po/<lang>.po.

Usage: home.py --binary B --localedir D --modules M --lang L --db F --artifacts A
"""
import json
import os
import subprocess
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from expected import ModuleText, Translations, prompt_text  # noqa: E402
from kiosk_screen import KioskScreen, check, parse_options, run_kiosk  # noqa: E402

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGUAGE_NAMES = {"ur": "اردو", "ps": "پښتو", "pa_PK": "پنجابی", "en": "English"}
RTL = {"ur", "ps", "pa_PK"}
BUTTON = Atspi.Role.PUSH_BUTTON


class Home(KioskScreen):
    def __init__(self, args):
        self.args = args
        self.shots = 0
        self.tr = Translations(SOURCE_DIR, args.lang)
        self.rtl = args.lang in RTL
        os.makedirs(args.artifacts, exist_ok=True)
        self.log_path = os.path.join(args.artifacts, "home-%s-kiosk.log" % args.lang)

    def _(self, text, *values):
        return self.tr.gettext(text, *values)

    def words(self, prompt):
        return prompt_text(SOURCE_DIR, prompt, self.args.lang)

    def shot(self, label):
        self.shots += 1
        path = os.path.join(self.args.artifacts, "home-%s-%02d-%s.png" % (self.args.lang, self.shots, label))
        subprocess.run(["import", "-window", "root", path], check=False)

    def sayings(self):
        """Every clip the kiosk was asked to say so far (its log's "Saying" lines)."""
        with open(self.log_path, encoding="utf-8") as f:
            return [line.rstrip().split("Saying ", 1)[1] for line in f if "Saying " in line]

    def said_since(self, since, prompt):
        """Waits until the kiosk asks to say @prompt's clip after its first @since sayings."""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if any(s.endswith("/%s.ogg" % prompt) for s in self.sayings()[since:]):
                return
            time.sleep(0.2)
        check(False, "the prompt %s was not said" % prompt)

    def progress(self, page):
        return self.inside(page, lambda n: n.get_role() == Atspi.Role.PROGRESS_BAR,
                           "the lesson's progress bar").get_current_value()

    def advances(self, page, seconds):
        before = self.progress(page)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.progress(page) > before:
                return True
            time.sleep(0.2)
        return False

    def on_screen(self, node, what):
        """@node lies wholly inside the window (the screen, in kiosk mode)."""
        box = node.get_extents(Atspi.CoordType.WINDOW)
        width = self.window_width()
        check(0 <= box.x and box.x + box.width <= width, "%s is off the screen: x %d, width %d of %d"
              % (what, box.x, box.width, width))

    def ask(self):
        """Home on the lesson: the question, said, over the lesson, which waits."""
        lesson = self.page("RahnumaLessonPage")
        since = len(self.sayings())
        self.tap(self.labelled(lesson, BUTTON, self._("Home")))
        self.home_question()
        self.said_since(since, "home-confirm")
        no = self.button(self.words("go-on"))
        yes = self.button(self.words("home-yes"))
        self.check_before(no, yes, self.rtl, "“No, go on” before “Yes, start again”")
        self.on_screen(no, "“No, go on”")
        self.on_screen(yes, "“Yes, start again”")
        self.shot("home-asks")
        check(not self.advances(lesson, 1.5), "the lesson played on while Home asked")
        return lesson

    def visit(self):
        self.tap(self.button("Start"))
        self.tap(self.button(LANGUAGE_NAMES[self.args.lang]))
        self.skip_about_you(self._("Skip all"))
        module = ModuleText(os.path.join(self.args.modules, "test-1"), self.args.lang)
        self.tap(self.button(module.title()))
        lesson = self.page("RahnumaLessonPage")
        check(self.advances(lesson, 10), "the lesson does not play")

        self.ask()
        self.answer_home(yes=False)
        deadline = time.monotonic() + 5
        while self.first(lambda n: n.get_role() == Atspi.Role.LABEL
                         and n.get_name() == self.words("home-confirm")) is not None:
            check(time.monotonic() < deadline, "the question stayed after “No, go on”")
            time.sleep(0.2)
        check(self.page("RahnumaLessonPage") is not None, "the lesson went after “No, go on”")
        check(self.advances(self.page("RahnumaLessonPage"), 10), "the lesson did not play on after “No, go on”")
        check(self.query("SELECT state FROM session") == [("active",)], "the visit is no longer active")
        self.shot("lesson-again")

        self.ask()
        self.answer_home(yes=True)
        self.button("Start")
        self.shot("welcome")
        deadline = time.monotonic() + 10
        while self.query("SELECT state FROM session") != [("abandoned",)]:
            check(time.monotonic() < deadline, "the journal: %s" % self.query("SELECT state FROM session"))
            time.sleep(0.2)

    def run(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.args.db + suffix):
                os.remove(self.args.db + suffix)
        with open(os.path.join(self.args.modules, "answers.json")) as f:
            check("test-1" in json.load(f), "the fixture has no lesson test-1")
        env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0",
                   G_MESSAGES_DEBUG="rahnuma-sound rahnuma-window")
        run_kiosk([self.args.binary, "--windowed", "--modules", self.args.modules,
                   "--db", self.args.db, "--centre", "TEST", "--kiosk-id", "ui-test"],
                  env, lambda proc: self.visit(), log=self.log_path)
        print("home in %s: asked and said over a paused lesson, “No, go on” played it on, "
              "“Yes, start again” ended the visit abandoned; %d screenshots" % (self.args.lang, self.shots))


def main():
    Home(parse_options(("binary", "localedir", "modules", "lang", "db", "artifacts"), optional=())).run()


if __name__ == "__main__":
    main()
