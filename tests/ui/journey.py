#!/usr/bin/python3
"""Walk the whole visitor journey as a person would, through AT-SPI.

Starts the real `rahnuma` binary (under the Xvfb display and D-Bus session
that run-ui-test.sh provides), finds every control by its accessible name
(in the visitor's language, from the built catalogue), presses it, saves a
screenshot of every screen, and at the end reads the visit back from the
SQLite journal.

Usage: journey.py --binary B --localedir D --modules M --lang L --db F --artifacts A
"""
import argparse
import gettext
import json
import os
import re
import sqlite3
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from kiosk_screen import TIMEOUT, KioskScreen  # noqa: E402

LANGUAGE_NAMES = {"ur": "اردو", "ps": "پښتو", "pa_PK": "پنجابی", "en": "English"}
TITLES = {"ur": "سبق", "ps": "لوست", "pa_PK": "سبق", "en": "Lesson"}
CHOICES = {"ur": "جواب", "ps": "ځواب", "pa_PK": "جواب", "en": "Answer"}
CODE = re.compile(r"^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$")

# Only these columns may exist: a new one must be a deliberate decision that
# also passes the store's own allow-list test.
IDENTIFYING = re.compile(r"name|cnic|passport|phone|mobile|address|photo|email|comment|note", re.I)


class Journey(KioskScreen):
    def __init__(self, args):
        self.args = args
        self.shots = 0
        self.tr = gettext.translation("rahnuma", localedir=args.localedir, languages=[args.lang],
                                      fallback=True)
        os.makedirs(args.artifacts, exist_ok=True)

    def _(self, text, *args):
        """The visitor's words for @text, with printf-style %u / %1$u filled in."""
        translated = self.tr.gettext(text)
        translated = re.sub(r"%(\d+)\$u", lambda m: str(args[int(m.group(1)) - 1]), translated)
        values = iter(args)
        return re.sub(r"%u", lambda m: str(next(values)), translated)

    def press(self, name, timeout=TIMEOUT):
        node = self.button(name, timeout)
        node.do_action(0)
        time.sleep(0.4)

    def shot(self, label):
        self.shots += 1
        path = os.path.join(self.args.artifacts, "%02d-%s.png" % (self.shots, label))
        subprocess.run(["import", "-window", "root", path], check=False)

    # --- the journey ----------------------------------------------------------------
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
            raise AssertionError("the lesson did not play to its end")
        self.press(questions)

    def answer_quiz(self, answers):
        for number, correct in enumerate(answers, start=1):
            counter = self._("Question %u of %u", number, len(answers))
            self.find(lambda n: n.get_role() == Atspi.Role.LABEL and n.get_name() == counter,
                      "label “%s”" % counter)
            choice = re.compile(r"^%s \d+\.%d\.%d$" % (CHOICES[self.args.lang], number, correct))
            node = self.find(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and choice.match(n.get_name() or ""),
                             "choice %d of question %d" % (correct, number))
            if number == 1:
                self.shot("quiz")
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
            next_button = self.button(self._("Back to the lessons") if last else self._("Next"))
            if number == 1:
                time.sleep(0.5)  # the feedback slides in
                self.shot("quiz-feedback")
            next_button.do_action(0)
            time.sleep(0.4)

    def run(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.args.db + suffix):
                os.remove(self.args.db + suffix)
        for old in os.listdir(self.args.artifacts):
            os.remove(os.path.join(self.args.artifacts, old))
        env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0")
        proc = subprocess.Popen([self.args.binary, "--windowed", "--modules", self.args.modules,
                                 "--db", self.args.db, "--centre", "TEST", "--kiosk-id", "ui-test"],
                                env=env)
        try:
            self.journey()
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
        self.check_journal()

    def journey(self):
        with open(os.path.join(self.args.modules, "answers.json")) as f:
            answers = json.load(f)

        start = self.button("Start")
        self.shot("welcome")
        start.do_action(0)
        language = self.button(LANGUAGE_NAMES[self.args.lang])
        self.shot("language")
        language.do_action(0)

        for number, module_id in enumerate(sorted(answers), start=1):
            title = "%s %d" % (TITLES[self.args.lang], number)
            self.button(title)
            self.shot("lessons")
            self.press(title)
            self.watch_lesson()
            self.answer_quiz(answers[module_id])

        self.shot("lessons-done")
        self.press(self._("Finish and get my code"))
        code = self.find(lambda n: n.get_role() == Atspi.Role.LABEL and CODE.match(n.get_name() or ""),
                         "a completion code")
        self.code = code.get_name()
        self.shot("result")
        self.press(self._("Finish"))
        self.press(self._("Yes, finish"))  # Finish asks first: the code goes with it
        self.button("Start")
        self.shot("welcome-again")
        # Nothing of the visitor may remain on screen for the next one.
        leftover = [n for n in self.walk(self.app()) if (n.get_name() or "") == self.code]
        assert not leftover, "the completion code is still on screen"

    def check_journal(self):
        db = sqlite3.connect(self.args.db)
        sessions = db.execute("SELECT language, state, code, centre, kiosk FROM session").fetchall()
        assert len(sessions) == 1, sessions
        language, state, code, centre, kiosk = sessions[0]
        assert (language, state, centre, kiosk) == (self.args.lang, "completed", "TEST", "ui-test"), sessions
        assert code == self.code, (code, self.code)
        progress = db.execute("SELECT module_id, watched, n_correct, n_questions, passed "
                              "FROM module_progress ORDER BY module_id").fetchall()
        assert [p[0] for p in progress] == ["test-1", "test-2"], progress
        for module_id, watched, n_correct, n_questions, passed in progress:
            assert watched >= 0.8, progress
            assert (n_correct, n_questions, passed) == (5, 5, 1), progress
        answers = db.execute("SELECT count(*), sum(correct) FROM answer").fetchone()
        assert answers == (10, 10), answers
        for (table,) in db.execute("SELECT name FROM sqlite_schema WHERE type = 'table'"):
            for column in db.execute("SELECT name FROM pragma_table_info(?)", (table,)):
                assert not IDENTIFYING.search(column[0]), "%s.%s" % (table, column[0])
        print("journey in %s: completed with code %s, %d screenshots" % (self.args.lang, self.code, self.shots))


def main():
    parser = argparse.ArgumentParser()
    for option in ("binary", "localedir", "modules", "lang", "db", "artifacts"):
        parser.add_argument("--" + option, required=True)
    Journey(parser.parse_args()).run()


if __name__ == "__main__":
    main()
