#!/usr/bin/python3
"""Seven lessons, a visitor who skips, fails and waits: issue 12 items 1, 2, 6.

Starts the real `rahnuma` binary (under the Xvfb display and D-Bus session
that run-ui-test.sh provides) on seven fixture lessons, with a 30 s idle
timeout and a 120 s result timeout set through GSettings (a keyfile backend
in a scratch folder), and, through AT-SPI as a screen reader sees it:

1. before any lesson: "More lessons below" and the next step (lesson 1);
2. skips lesson 1 with Next and passes its quiz: the row's accessible
   description says the questions were passed and the lesson is to finish;
   the next step is still lesson 1; watched and passed again: "Passed";
3. after lessons 2 and 3 (failed), "3 of 7 lessons done. 4 left." and the
   next step is lesson 4 (screenshot);
4. lessons 4 to 7 through the next-step button, failed; "Finish and get my
   code";
5. the result page: no "Well done!", "You passed 1 of 7 lessons.", lessons
   2 to 7 named to review, not lesson 1;
6. the result is still there after the idle timeout and its countdown;
7. Finish asks first, aloud too; "Keep my code" keeps it; Finish, "Yes, finish" ends
   the visit.

Along the way, what the kiosk says (its debug log, "Saying …"): the
lessons prompt, the quiz prompt, "lessons-next" and "lessons-done", the
result with its ten code symbols (counted, never logged), the result again
after 20 s without a touch, and the Finish question.

The journal then holds one completed visit, lesson 1 passed, 2 to 7 not.

Usage: progress.py --binary B --localedir D --modules M --lang L --db F --artifacts A
"""
import importlib.util
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from expected import Translations  # noqa: E402
from journey import CODE, LANGUAGE_NAMES  # noqa: E402
from kiosk_screen import TIMEOUT, KioskScreen, check, parse_options  # noqa: E402

# The fixture's own words (tests/ui/make-fixture-modules.py), per language.
_spec = importlib.util.spec_from_file_location("fixture", os.path.join(HERE, "make-fixture-modules.py"))
_fixture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixture)
TITLES = {lang: words[0] for lang, words in _fixture.WORDS.items()}
CHOICES = {lang: words[3] for lang, words in _fixture.WORDS.items()}

IDLE_TIMEOUT = 30  # AT-SPI actions are no input: a quiz must fit in it
COUNTDOWN = 3
RESULT_TIMEOUT = 120


def fill(template, *args):
    """printf for %u, %1$u and %s, as the kiosk fills its translated strings."""
    text = re.sub(r"%(\d+)\$[us]", lambda m: str(args[int(m.group(1)) - 1]), template)
    values = iter(args)
    return re.sub(r"%[us]", lambda m: str(next(values)), text)


class Progress(KioskScreen):
    def __init__(self, args):
        self.args = args
        self.shots = 0
        # Expected words from po/<lang>.po, not from the kiosk's catalogue.
        self.tr = Translations(os.path.dirname(os.path.dirname(HERE)), args.lang)
        os.makedirs(args.artifacts, exist_ok=True)

    def _(self, text, *args):
        """The visitor's words for @text, with printf-style %u / %1$u filled in."""
        return self.tr.gettext(text, *args)

    def press(self, name, timeout=TIMEOUT):
        node = self.button(name, timeout)
        node.do_action(0)
        time.sleep(0.4)

    def watch_lesson(self):
        """Let every scene play to its end, as a visitor who watches."""
        questions = self._("Questions")
        lessons_done = self._("Lessons done")  # the lessons page's bar, hidden in the stack
        bar = self.find(lambda n: n.get_role() == Atspi.Role.PROGRESS_BAR and n.get_name() != lessons_done,
                        "the lesson's progress bar")
        self.shot("lesson")
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if bar.get_current_value() >= 0.99 * bar.get_maximum_value():
                break
            time.sleep(0.3)
        else:
            check(False, "the lesson did not play to its end")
        self.press(questions)

    def answer_quiz(self, answers):
        for number, correct in enumerate(answers, start=1):
            counter = self._("Question %u of %u", number, len(answers))
            self.find(lambda n: n.get_role() == Atspi.Role.LABEL and n.get_name() == counter,
                      "label “%s”" % counter)
            choice = re.compile(r"^%s \d+\.%d\.%d$" % (CHOICES[self.args.lang], number, correct))
            node = self.find(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and choice.match(n.get_name() or ""),
                             "choice %d of question %d" % (correct, number))
            node.do_action(0)
            # The answer is in once the feedback has set this question's other
            # choices aside; before that, a "Next" on screen is the last
            # question's, sliding away, and pressing it does nothing.
            any_choice = re.compile(r"^%s \d+\.%d\.\d$" % (CHOICES[self.args.lang], number))
            self.find(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and any_choice.match(n.get_name() or "")
                      and not n.get_state_set().contains(Atspi.StateType.SENSITIVE),
                      "the feedback on question %d" % number)
            last = number == len(answers)
            # The way on appears once the answer is in the journal.
            self.button(self._("Back to the lessons") if last else self._("Next")).do_action(0)
            time.sleep(0.4)

    def shot(self, label):
        self.shots += 1
        path = os.path.join(self.args.artifacts, "progress-%s-%02d-%s.png" % (self.args.lang, self.shots, label))
        subprocess.run(["import", "-window", "root", path], check=False)

    def done(self, n_done):
        """"N of 7 lessons done. M left." as the kiosk words it."""
        done = fill(self.tr.ngettext("%u of %u lesson done", "%u of %u lessons done", 7), n_done, 7)
        return fill(self.tr.ngettext("%s. %u left.", "%s. %u left.", 7 - n_done), done, 7 - n_done)

    def said(self, clip):
        """How many times the kiosk has said @clip (a prompt id, or "a code symbol")."""
        with open(self.log_path) as f:
            lines = [line for line in f if "Saying " in line]
        if clip == "a code symbol":
            return sum(1 for line in lines if line.rstrip().endswith("Saying a code symbol"))
        return sum(1 for line in lines if line.rstrip().endswith("/%s.ogg" % clip))

    def expect_said(self, clip, times=1, timeout=10):
        deadline = time.monotonic() + timeout
        while self.said(clip) < times and time.monotonic() < deadline:
            time.sleep(0.2)
        check(self.said(clip) >= times, "“%s” said %d times, not %d" % (clip, self.said(clip), times))

    def label(self, text):
        return self.find(lambda n: n.get_role() == Atspi.Role.LABEL and n.get_name() == text,
                         "label “%s”" % text)

    def has(self, role, name):
        return self.first(lambda n: n.get_role() == role and n.get_name() == name) is not None

    def title(self, number):
        return "%s %d" % (TITLES[self.args.lang], number)

    def row(self, number):
        title = self.title(number)
        return self.button(title)

    def expect_description(self, number, text):
        """Row @number's accessible description, as a screen reader says it, is @text."""
        deadline = time.monotonic() + 10
        description = None
        while time.monotonic() < deadline:
            description = self.row(number).get_description()
            if description == text:
                return
            time.sleep(0.2)
        self.on_failure()
        raise AssertionError("row %d reads “%s”, not “%s”" % (number, description, text))

    def next_step(self, number):
        return self.button(fill(self.tr.gettext("Next lesson: %s"), self.title(number)))

    def skip_lesson(self):
        """Next through every scene without waiting: watched stays low."""
        lessons_done = self._("Lessons done")
        self.find(lambda n: n.get_role() == Atspi.Role.PROGRESS_BAR and n.get_name() != lessons_done,
                  "the lesson's progress bar")
        for _ in range(2):
            self.press(self._("Next"))
        self.press(self._("Questions"))

    def wrong(self, answers):
        return [answer % 3 + 1 for answer in answers]

    # --- the test -------------------------------------------------------------------
    def run(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.args.db + suffix):
                os.remove(self.args.db + suffix)
        with tempfile.TemporaryDirectory() as config:
            settings = os.path.join(config, "glib-2.0", "settings")
            os.makedirs(settings)
            with open(os.path.join(settings, "keyfile"), "w") as f:
                f.write("[org/rahnuma/Kiosk]\nidle-timeout=%d\nstill-there-countdown=%d\nresult-timeout=%d\n"
                        % (IDLE_TIMEOUT, COUNTDOWN, RESULT_TIMEOUT))
            env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0",
                       GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config,
                       G_MESSAGES_DEBUG="rahnuma-window")
            # What the kiosk says, as its debug log tells it ("Saying …").
            self.log_path = os.path.join(config, "kiosk.log")
            log = open(self.log_path, "w")
            proc = subprocess.Popen([self.args.binary, "--windowed", "--modules", self.args.modules,
                                     "--db", self.args.db, "--centre", "TEST", "--kiosk-id", "ui-test"],
                                    env=env, stdout=log, stderr=log)  # debug goes to stdout
            try:
                self.journey()
            finally:
                proc.terminate()
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                log.close()
                with open(self.log_path) as f:
                    sys.stderr.write(f.read())
        self.check_journal()

    def journey(self):
        with open(os.path.join(self.args.modules, "answers.json")) as f:
            answers = json.load(f)
        right = [answers["test-%d" % n] for n in range(1, 8)]

        self.press("Start")
        self.press(LANGUAGE_NAMES[self.args.lang])
        self.skip_about_you(self._("Skip all"))
        self.row(1)
        self.expect_said("lessons")
        time.sleep(0.5)
        self.shot("lessons-start")
        self.label(self.done(0))
        self.button(self._("More lessons below"))
        self.expect_description(1, self._("Not started yet"))

        # Skipped, then passed: the row says so, and the lesson is still to do.
        self.press(self.title(1))
        self.skip_lesson()
        self.expect_said("quiz")  # what to do on the quiz, before its first question
        self.answer_quiz(right[0])
        self.expect_description(1, self._("Questions passed: %u of %u answers right. Watch the whole lesson to finish it.", 5, 5))
        # None done, but one begun: the big button back to it, not the first
        # visit's "Choose a lesson" again.
        self.expect_said("lessons-next")
        time.sleep(0.5)
        self.shot("skipped-passed")
        self.next_step(1).do_action(0)
        self.watch_lesson()
        self.answer_quiz(right[0])
        self.expect_description(1, self._("Passed: %u of %u answers right", 5, 5))

        for number in (2, 3):
            self.next_step(number).do_action(0)
            self.watch_lesson()
            self.answer_quiz(self.wrong(right[number - 1]))
        self.expect_description(3, self._("Not passed: %u of %u answers right. You can try again.", 0, 5))
        # Three of seven: what is left, and one next step, not a finished look.
        self.label(self.done(3))
        self.next_step(4)
        self.expect_said("lessons-next")
        check(not self.has(Atspi.Role.PUSH_BUTTON, self._("Finish and get my code")),
              "the code is offered at 3 of 7")
        time.sleep(0.5)
        self.shot("lessons-3-of-7")

        for number in range(4, 8):
            self.next_step(number).do_action(0)
            self.watch_lesson()
            self.answer_quiz(self.wrong(right[number - 1]))
        self.shot("lessons-done")
        self.expect_said("lessons-done")
        self.press(self._("Finish and get my code"))
        self.result()

    def result(self):
        code = self.find(lambda n: n.get_role() == Atspi.Role.LABEL and CODE.match(n.get_name() or ""),
                         "a completion code")
        self.code = code.get_name()
        self.label(fill(self.tr.ngettext("You passed %u of %u lesson.", "You passed %u of %u lessons.", 7), 1, 7))
        # The old title, gone from the sources and the catalogues: never shown.
        check(not self.has(Atspi.Role.LABEL, "Well done!"), "“Well done!” for 1 of 7")
        review = self.find(lambda n: n.get_role() == Atspi.Role.LABEL
                           and self.title(2) in (n.get_name() or ""), "the lessons to review")
        names = review.get_name().split(self._(", "))
        check(names == [self.title(n) for n in range(2, 8)], names)
        time.sleep(0.5)
        self.shot("result")
        # How it went, then the code symbol by symbol (counted: never logged).
        for clip in ("result", "result-review", "code-is"):
            self.expect_said(clip)
        self.expect_said("a code symbol", 10)
        check(self.said("result-all-passed") == 0, "“You passed every lesson” said for 1 of 7")

        # The worker fetches the officer: the code outlasts the idle timeout.
        time.sleep(IDLE_TIMEOUT + COUNTDOWN + 3)
        # With no touch, the result is said again, 20 s after it was last heard.
        self.expect_said("result", 2, timeout=45)
        check(not self.has(Atspi.Role.PUSH_BUTTON, self.tr.gettext("Yes, continue")), "asked “still there?”")
        check(self.has(Atspi.Role.LABEL, self.code), "the code was wiped by the idle timeout")

        # Finish asks first; keeping the code keeps it.
        self.press(self._("Finish"))
        keep = self.button(self._("Keep my code"))
        self.expect_said("finish-confirm")
        check(self.has(Atspi.Role.LABEL, self.code), "the question wiped the code")
        time.sleep(0.5)
        self.shot("finish-confirm")
        keep.do_action(0)
        time.sleep(0.5)
        check(self.has(Atspi.Role.LABEL, self.code), "“Keep my code” wiped the code")
        self.press(self._("Finish"))
        self.press(self._("Yes, finish"))
        self.button("Start")
        leftover = self.every(lambda n: (n.get_name() or "") == self.code)
        check(not leftover, "the completion code is still on screen")

    def check_journal(self):
        db = sqlite3.connect(self.args.db)
        sessions = db.execute("SELECT state, code FROM session").fetchall()
        check(sessions == [("completed", self.code)], sessions)
        passed = db.execute("SELECT module_id, passed FROM module_progress ORDER BY module_id").fetchall()
        check(passed == [("test-1", 1)] + [("test-%d" % n, 0) for n in range(2, 8)], passed)
        print("progress in %s: 1 of 7 passed, code %s kept past the idle timeout, %d screenshots"
              % (self.args.lang, self.code, self.shots))


def main():
    Progress(parse_options(("binary", "localedir", "modules", "lang", "db", "artifacts"), optional=())).run()


if __name__ == "__main__":
    main()
