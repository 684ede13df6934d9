#!/usr/bin/python3
"""Walk the visitor journey as a person would, through AT-SPI: every path, checked.

Starts the real `rahnuma` binary (under the Xvfb display and D-Bus session
that run-ui-test.sh provides), finds every control by its accessible name,
presses it, saves a screenshot of every screen, and at the end reads the
visit back from the SQLite journal. The visitor:

1. hears the list of lessons (Listen);
2. opens lesson 1 and skips it: Next, Next, Questions, then "All lessons"
   without answering; the lesson stays "Not started yet" and nothing of it
   is answered in the journal;
3. opens lesson 1 again, goes "Back 10 seconds" in the middle of a scene
   (the lesson goes back), watches it to the end, hears a question again
   (Listen again) and answers wrong, right, wrong, wrong, right: the lesson
   is failed (2 of 5; the pass mark is 60 %);
4. watches lesson 2 and answers all right but one: passed (4 of 5);
5. finishes, hears the result, and gets a code.

Every text on screen is compared with what the translators wrote
(po/<lang>.po) and what the module says (module.ini), read by this test
(tests/ui/expected.py), never with the kiosk's own catalogue: a missing or
empty translation fails. Each screen's direction is checked: the start of
the title row and of the first answer at the right edge in Urdu, Pashto and
Punjabi, at the left in English. The journal's answer rows must hold exactly
the choices pressed.

Usage: journey.py --binary B --localedir D --modules M --lang L --db F --artifacts A
"""
import json
import os
import re
import subprocess
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from expected import ModuleText, Translations, contact_text  # noqa: E402
from kiosk_screen import CheckFailed, KioskScreen, check, parse_options, run_kiosk  # noqa: E402

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGUAGE_NAMES = {"ur": "اردو", "ps": "پښتو", "pa_PK": "پنجابی", "en": "English"}
RTL = {"ur", "ps", "pa_PK"}
CODE = re.compile(r"^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$")
LABEL, BUTTON = Atspi.Role.LABEL, Atspi.Role.PUSH_BUTTON
# Right (True) or wrong (False), question by question: lesson 1 is failed
# (2 of 5), lesson 2 passed with one mistake (4 of 5).
PLAN = {"test-1": [False, True, False, False, True], "test-2": [True, True, False, True, True]}
RESULTS = {"test-1": (2, 5, 0), "test-2": (4, 5, 1)}

# Only these columns may exist: a new one must be a deliberate decision that
# also passes the store's own allow-list test.
IDENTIFYING = re.compile(r"name|cnic|passport|phone|mobile|address|photo|email|comment|note", re.I)


class Journey(KioskScreen):
    def __init__(self, args):
        self.args = args
        self.shots = 0
        self.tr = Translations(SOURCE_DIR, args.lang)
        self.rtl = args.lang in RTL
        self.modules = {}
        self.pressed = []  # (module, question, choice, correct) as the journal numbers them
        os.makedirs(args.artifacts, exist_ok=True)
        self.log_path = os.path.join(args.artifacts, "kiosk.log")

    def _(self, text, *values):
        return self.tr.gettext(text, *values)

    def press(self, root, name):
        self.tap(self.labelled(root, BUTTON, name))
        time.sleep(0.4)

    def shot(self, label):
        self.shots += 1
        path = os.path.join(self.args.artifacts, "%02d-%s.png" % (self.shots, label))
        subprocess.run(["import", "-window", "root", path], check=False)

    # --- Listen: the kiosk logs each clip it plays --------------------------------
    def clips(self, suffix):
        with open(self.log_path, encoding="utf-8") as f:
            return len([line for line in f if "Playing clip " in line and line.rstrip().endswith(suffix)])

    def listen(self, root, name, suffix):
        before = self.clips(suffix)
        self.press(root, name)
        deadline = time.monotonic() + 5
        while self.clips(suffix) <= before and time.monotonic() < deadline:
            time.sleep(0.2)
        check(self.clips(suffix) > before, "“%s” played no clip …%s" % (name, suffix))

    # --- the screens ----------------------------------------------------------------
    def lessons_screen(self, statuses):
        """The list of lessons, with each row's status as @statuses says."""
        page = self.page("RahnumaLessonsPage")
        self.labelled(page, LABEL, self._("Your lessons"))
        self.labelled(page, LABEL, self._("Choose a lesson. Watch it, then answer the questions."))
        done = len([s for s in statuses if s[0] in ("failed", "passed")])
        counted = self.tr.ngettext("%u of %u lesson done", "%u of %u lessons done",
                                   len(statuses), done, len(statuses))
        if done < len(statuses):
            progress = self.tr.ngettext("%s. %u left.", "%s. %u left.", len(statuses) - done,
                                        counted, len(statuses) - done)
        else:
            progress = self._("%s. Every lesson is done.", counted)
        self.labelled(page, LABEL, progress)
        for number, (module_id, (state, *score)) in enumerate(zip(sorted(self.modules), statuses), start=1):
            row = self.labelled(page, BUTTON, self.modules[module_id].title())
            status = {"new": lambda: self._("Not started yet"),
                      "started": lambda: self._("Started. Watch it to the end, then answer the questions."),
                      "failed": lambda: self._("Not passed: %u of %u answers right. You can try again.", *score),
                      "passed": lambda: self._("Passed: %u of %u answers right", *score)}[state]()
            self.labelled(row, LABEL, status)
            if number == 1:
                self.check_edge(self.labelled(row, LABEL, "1"), "start", self.rtl, "the first lesson's number")
        self.check_edge(self.labelled(page, BUTTON, self._("Home")), "start", self.rtl,
                        "Home, at the start of the title row")
        finish = self.first(lambda n: n.get_role() == BUTTON and n.get_name() == self._("Finish and get my code"))
        check((finish is not None) == (done == len(statuses)),
              "“Finish and get my code” is %s with %d of %d lessons done"
              % ("shown" if finish else "missing", done, len(statuses)))
        return page

    def lesson_screen(self, module):
        page = self.page("RahnumaLessonPage")
        self.labelled(page, LABEL, module.title())
        self.labelled(page, LABEL, module.caption(1))
        self.labelled(page, LABEL, self._("Part %u of %u", 1, 3))
        self.check_edge(self.labelled(page, BUTTON, self._("Home")), "start", self.rtl,
                        "Home, at the start of the lesson's title row")
        self.check_edge(self.labelled(page, BUTTON, self._("All lessons")), "end", self.rtl,
                        "All lessons, at the end of the lesson's title row")
        self.check_before(self.labelled(page, BUTTON, self._("Back 10 seconds")),
                          self.labelled(page, BUTTON, self._("Next")), self.rtl,
                          "Back 10 seconds before Next")
        return page

    def skip_lesson(self, module_id):
        """Next through every part without watching, then leave the questions unanswered."""
        module = self.modules[module_id]
        self.press(self.page("RahnumaLessonsPage"), module.title())
        page = self.lesson_screen(module)
        self.shot("lesson")
        for scene in (2, 3):
            self.press(page, self._("Next"))
            self.labelled(page, LABEL, module.caption(scene))
        self.press(page, self._("Questions"))
        quiz = self.page("RahnumaQuizPage")
        self.labelled(quiz, LABEL, module.question(1))
        self.press(quiz, self._("All lessons"))

    def go_back(self, page, bar):
        """Mid-way through the 4 s first part, "Back 10 seconds" goes back to its start."""
        third = bar.get_maximum_value() / 3
        deadline = time.monotonic() + 15
        while bar.get_current_value() < 0.55 * third and time.monotonic() < deadline:
            time.sleep(0.1)
        before = bar.get_current_value()
        check(0.5 * third <= before < third, "not in the middle of the first part: %.3f" % before)
        self.press(page, self._("Back 10 seconds"))
        deadline = time.monotonic() + 3
        while bar.get_current_value() > before - third / 4 and time.monotonic() < deadline:
            time.sleep(0.1)
        after = bar.get_current_value()
        check(after <= before - third / 4, "Back 10 seconds did not go back: %.3f, then %.3f" % (before, after))

    def watch_lesson(self, module_id, back=False):
        """Let every part play to its end, as a visitor who watches."""
        module = self.modules[module_id]
        self.press(self.page("RahnumaLessonsPage"), module.title())
        page = self.lesson_screen(module)
        bar = self.inside(page, lambda n: n.get_role() == Atspi.Role.PROGRESS_BAR, "the lesson's progress bar")
        if back:
            self.go_back(page, bar)
        deadline = time.monotonic() + 60
        while bar.get_current_value() < 0.99 * bar.get_maximum_value():
            check(time.monotonic() < deadline, "the lesson did not play to its end")
            time.sleep(0.3)
        self.labelled(page, LABEL, module.caption(3))
        self.press(page, self._("Questions"))

    def quiz_direction(self, page, module):
        self.check_edge(self.labelled(page, BUTTON, self._("Home")), "start", self.rtl,
                        "Home, at the start of the quiz's title row")
        self.check_edge(self.labelled(page, LABEL, module.question(1)), "start", self.rtl, "the question")
        first = self.labelled(page, BUTTON, module.choice(1, 1))
        number = self.labelled(first, LABEL, "1")
        self.check_edge(number, "start", self.rtl, "the first answer's number")
        self.check_before(number, self.labelled(first, LABEL, module.choice(1, 1)), self.rtl,
                          "the first answer's number before its text")

    def answer_quiz(self, module_id, listen_on=1):
        module = self.modules[module_id]
        n = module.n_questions()
        for number, right in enumerate(PLAN[module_id], start=1):
            page = self.page("RahnumaQuizPage")
            self.labelled(page, LABEL, self._("Question %u of %u", number, n))
            self.labelled(page, LABEL, module.question(number))
            correct = module.correct(number)
            choice = correct if right else correct % 3 + 1
            buttons = [self.labelled(page, BUTTON, module.choice(number, c)) for c in (1, 2, 3)]
            if number == 1:
                self.quiz_direction(page, module)
                self.shot("quiz")
            if number == listen_on:
                self.listen(page, self._("Listen again"), "/scene-%d.ogg" % (number % 3 + 1))
            self.tap(buttons[choice - 1])
            self.pressed.append((module_id, number - 1, choice - 1, int(choice == correct)))
            self.labelled(page, LABEL, self._("Correct!") if right
                          else self._("Not quite. The right answer is shown in green."))
            self.labelled(page, LABEL, module.explanation(number))
            if number == 1:
                time.sleep(0.5)  # the feedback slides in
                self.shot("quiz-feedback")
            self.press(page, self._("Back to the lessons") if number == n else self._("Next"))

    def result_screen(self, n_passed, n_modules):
        page = self.page("RahnumaResultPage")
        self.labelled(page, LABEL, self._("Your briefing is finished"))
        self.labelled(page, LABEL, self._("Show this code to the officer."))
        self.labelled(page, LABEL, self.tr.ngettext("You passed %u of %u lesson.", "You passed %u of %u lessons.",
                                                    n_modules, n_passed, n_modules))
        if n_passed < n_modules:
            self.labelled(page, LABEL, self._("Lessons to go over with the officer:"))
        code = self.inside(page, lambda n: n.get_role() == LABEL and CODE.match(n.get_name() or ""),
                           "a completion code")
        self.code = code.get_name()
        # Where to get help: the bundled contacts, never a placeholder (docs/contacts.md).
        self.labelled(page, LABEL, contact_text(SOURCE_DIR, "PK/protector", "Name", self.args.lang))
        self.labelled(page, LABEL, self._("Where to get help"))
        self.labelled(page, LABEL, self._("Phone number: ask the officer."))
        placeholders = [n.get_name() for n in self.every(lambda n: "@FILL-IN" in (n.get_name() or ""), page)]
        check(not placeholders, "placeholders on screen: %s" % placeholders)
        listen = self.labelled(page, BUTTON, self._("Listen"))
        self.check_edge(listen, "end", self.rtl, "Listen, at the end of the result's top row")
        self.shot("result")
        self.check_qr(n_passed, n_modules)
        self.listen(page, self._("Listen"), "/result.ogg")
        self.print_card(page)
        self.press(page, self._("Finish"))
        self.press(page, self._("Yes, finish"))  # Finish asks first: the code goes with it

    def check_qr(self, n_passed, n_modules):
        """The QR code on screen, read back by zbarimg, is the visit's signed completion proof, and
        rahnuma-admin verifies it against the key the kiosk made beside its journal."""
        path = os.path.join(self.args.artifacts, "%02d-result.png" % self.shots)
        read = subprocess.run(["zbarimg", "--quiet", "--raw", path], capture_output=True, text=True)
        text = read.stdout.strip()
        check(text.startswith("RHN1."), "the result's QR code holds no signed proof: %r" % text)
        admin = os.path.join(os.path.dirname(os.path.dirname(self.args.binary)), "tools", "rahnuma-admin")
        trust = os.path.join(os.path.dirname(self.args.db), "keys", "proof-public.txt")
        verify = subprocess.run([admin, "verify", "--qr", text, "--trust", trust, "--json"],
                                capture_output=True, text=True)
        try:
            answer = json.loads(verify.stdout)
        except ValueError:
            answer = {}
        check(verify.returncode == 0 and answer.get("code") == self.code
              and answer.get("lessons_passed") == n_passed and answer.get("lessons") == n_modules,
              "rahnuma-admin verify --qr: exit %d, %s%s" % (verify.returncode, verify.stdout, verify.stderr))

    def print_card(self, page):
        """"Print my card" with no printer to be found (the test machine has no
        CUPS server: the kiosk gives up after 15 s): the visitor is told, aloud,
        to ask the officer; the code stays on the screen and the visit's record
        is not touched. Checked where po/<lang>.po translates the message."""
        try:
            label, failed = self._("Print my card"), self._(
                "Your card could not be printed. Please ask the officer for help. Your code stays on the screen.")
        except CheckFailed as untranslated:
            print("Print my card: not checked in %s: %s" % (self.args.lang, untranslated))
            return
        before = self.query("SELECT rev, state, code, ended_at FROM session")
        clips = self.clips("/print-failed.ogg")
        self.press(page, label)
        self.labelled(page, LABEL, failed, timeout=30)
        deadline = time.monotonic() + 5
        while self.clips("/print-failed.ogg") <= clips and time.monotonic() < deadline:
            time.sleep(0.2)
        check(self.clips("/print-failed.ogg") > clips, "the failed print was not said aloud")
        self.shot("result-print-failed")
        code = self.inside(page, lambda n: n.get_role() == LABEL and CODE.match(n.get_name() or ""),
                           "a completion code")
        check(code.get_name() == self.code, "the code changed after a failed print")
        check(self.query("SELECT rev, state, code, ended_at FROM session") == before,
              "a failed print changed the visit's record")

    # --- the journey ----------------------------------------------------------------
    def run(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.args.db + suffix):
                os.remove(self.args.db + suffix)
        for old in os.listdir(self.args.artifacts):
            os.remove(os.path.join(self.args.artifacts, old))
        with open(os.path.join(self.args.modules, "answers.json")) as f:
            for module_id in json.load(f):
                self.modules[module_id] = ModuleText(os.path.join(self.args.modules, module_id), self.args.lang)
        check(sorted(self.modules) == sorted(PLAN), "fixture modules %s" % sorted(self.modules))
        env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0", G_MESSAGES_DEBUG="rahnuma-sound")
        run_kiosk([self.args.binary, "--windowed", "--modules", self.args.modules,
                   "--db", self.args.db, "--centre", "TEST", "--kiosk-id", "ui-test"],
                  env, lambda proc: self.journey(), log=self.log_path)
        self.check_journal()

    def journey(self):
        start = self.button("Start")
        self.shot("welcome")
        self.tap(start)
        language = self.button(LANGUAGE_NAMES[self.args.lang])
        self.shot("language")
        self.tap(language)
        self.skip_about_you(self._("Skip all"))

        page = self.lessons_screen([("new",), ("new",)])
        self.shot("lessons")
        self.listen(page, self._("Listen"), "/lessons.ogg")

        self.skip_lesson("test-1")
        self.lessons_screen([("started",), ("new",)])
        check(self.query("SELECT count(*) FROM answer") == [(0,)], "a skipped lesson left answers")
        watched = self.query("SELECT watched FROM module_progress WHERE module_id = 'test-1'")
        check(all(w < 0.8 for (w,) in watched), "a skipped lesson counts as watched: %s" % watched)

        self.watch_lesson("test-1", back=True)
        self.answer_quiz("test-1")
        self.lessons_screen([("failed", 2, 5), ("new",)])
        self.watch_lesson("test-2")
        self.answer_quiz("test-2", listen_on=None)
        self.lessons_screen([("failed", 2, 5), ("passed", 4, 5)])
        self.shot("lessons-done")

        self.press(self.page("RahnumaLessonsPage"), self._("Finish and get my code"))
        self.result_screen(1, 2)
        self.button("Start")
        self.shot("welcome-again")
        # Nothing of the visitor may remain on screen for the next one.
        leftover = self.every(lambda n: (n.get_name() or "") == self.code)
        check(not leftover, "the completion code is still on screen")

    def check_journal(self):
        sessions = self.query("SELECT language, state, code, centre, kiosk FROM session")
        check(len(sessions) == 1, sessions)
        language, state, code, centre, kiosk = sessions[0]
        check((language, state, centre, kiosk) == (self.args.lang, "completed", "TEST", "ui-test"), sessions)
        check(code == self.code, (code, self.code))
        progress = self.query("SELECT module_id, watched, n_correct, n_questions, passed "
                              "FROM module_progress ORDER BY module_id")
        check([p[0] for p in progress] == sorted(PLAN), progress)
        for module_id, watched, n_correct, n_questions, passed in progress:
            check(watched >= 0.8, progress)
            check((n_correct, n_questions, passed) == RESULTS[module_id], progress)
        # The choice column holds what was pressed, question by question.
        answers = self.query("SELECT module_id, question, choice, correct FROM answer "
                             "ORDER BY module_id, question")
        check(answers == sorted(self.pressed), "journal %s, pressed %s" % (answers, sorted(self.pressed)))
        for (table,) in self.query("SELECT name FROM sqlite_schema WHERE type = 'table'"):
            for (column,) in self.query("SELECT name FROM pragma_table_info('%s')" % table):
                check(not IDENTIFYING.search(column), "%s.%s" % (table, column))
        print("journey in %s: skipped, failed and passed lessons, Listen and Back; code %s; %d screenshots"
              % (self.args.lang, self.code, self.shots))


def main():
    Journey(parse_options(("binary", "localedir", "modules", "lang", "db", "artifacts"), optional=())).run()


if __name__ == "__main__":
    main()
