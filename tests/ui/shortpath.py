#!/usr/bin/python3
"""The kiosk's short path after the hall briefing (issue 20), walked by touch through AT-SPI.

Starts the real `rahnuma` binary (under the Xvfb display and D-Bus session
that run-ui-test.sh provides) with the two-lesson fixture. The visitor:

1. chooses the language, then at "Were you in the hall briefing today?"
   (spoken; its answers large pictures with words, Home at the start of the
   title row, right to left in Urdu) chooses the short path;
2. gets lesson 1's check question at once (one, drawn for the visit: the
   short-path-questions default; no scenes first, no list of lessons, but
   "Lesson 1 of 2: TITLE" above it) and
   answers it wrongly: "wrong" and the explanation are said;
3. is asked, aloud, "Watch this lesson again?": yes; the lesson's scenes
   play, the visitor skips through them (Next, Next, Questions);
4. is asked, aloud, whether to answer again: yes; a question is drawn
   again and answered right; then lesson 2's, right: each time "correct" is
   said and the explanation shown, not said (the hall discussed it);
5. leaves the "about you" step (on by default; on this path it comes after
   the questions) with "Skip all";
6. reaches the result with a code, both lessons passed.

Each tap that leaves a spoken page (the path, "watch again", "answer
again") stops it: none of its clips starts after the tap (K2, K8).

Then the journal's session row says path = 'short', completed, with the
code on screen, and each lesson's row says 1 of 1 question right.

The question and answer words of the path and "again" pages are the
prompts' (media/prompts/prompts.ini), as the kiosk says them; every other
text comes from po/<lang>.po (tests/ui/expected.py).

Usage: shortpath.py --binary B --localedir D --modules M --lang L --db F --artifacts A
"""
import json
import os
import re
import subprocess
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from expected import ModuleText, Translations, prompt_text  # noqa: E402
from kiosk_screen import CheckFailed, KioskScreen, check, parse_options, run_kiosk  # noqa: E402

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGUAGE_NAMES = {"ur": "اردو", "ps": "پښتو", "pa_PK": "پنجابی", "en": "English"}
RTL = {"ur", "ps", "pa_PK"}
CODE = re.compile(r"^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$")
LABEL, BUTTON = Atspi.Role.LABEL, Atspi.Role.PUSH_BUTTON


class ShortPath(KioskScreen):
    def __init__(self, args):
        self.args = args
        self.shots = 0
        self.tr = Translations(SOURCE_DIR, args.lang)
        self.rtl = args.lang in RTL
        self.modules = {}
        self.code = None
        self.asked = {}  # module id → the question numbers asked, in turn
        os.makedirs(args.artifacts, exist_ok=True)
        self.log_path = os.path.join(args.artifacts, "shortpath-%s-kiosk.log" % args.lang)

    def _(self, text, *values):
        return self.tr.gettext(text, *values)

    def words(self, prompt):
        return prompt_text(SOURCE_DIR, prompt, self.args.lang)

    def press(self, root, name):
        self.labelled(root, BUTTON, name).do_action(0)
        time.sleep(0.4)

    def shot(self, label):
        self.shots += 1
        path = os.path.join(self.args.artifacts, "shortpath-%s-%02d-%s.png" % (self.args.lang, self.shots, label))
        subprocess.run(["import", "-window", "root", path], check=False)

    def said(self, prompt):
        """Waits until the kiosk has played @prompt's clip (its log, rahnuma-sound)."""
        suffix = "/%s.ogg" % prompt
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with open(self.log_path, encoding="utf-8") as f:
                if any("Playing clip " in line and line.rstrip().endswith(suffix) for line in f):
                    return
            time.sleep(0.2)
        check(False, "the prompt %s was not said" % prompt)

    def log_length(self):
        with open(self.log_path, encoding="utf-8") as f:
            return len(f.readlines())

    def check_left_quiet(self, since, prompts, what, linger=0):
        """After the tap that left a spoken page (the kiosk's log from line
        @since on): the kiosk hushed the page ("Hushed") and none of its
        @prompts (question, answers: queued, or the chosen one as a
        confirmation) started after that, over the next page, watched for
        @linger seconds more (as long as the page's words would have lasted,
        when the next page says nothing of its own to replace them)."""
        deadline = time.monotonic() + linger
        while True:
            with open(self.log_path, encoding="utf-8") as f:
                lines = f.readlines()[since:]
            hushed = [i for i, line in enumerate(lines) if "Hushed:" in line]
            check(hushed, "the kiosk did not stop the page's words at the tap on %s" % what)
            late = [line.rstrip().rsplit("/", 1)[-1] for line in lines[hushed[0] + 1:]
                    if "Playing clip " in line and any(line.rstrip().endswith("/%s.ogg" % p) for p in prompts)]
            check(not late, "after the tap on %s the page left still said %s" % (what, late))
            if time.monotonic() >= deadline:
                return
            time.sleep(0.3)

    # --- the screens ----------------------------------------------------------------
    def choice_page(self, question, answers, shot, lesson=None):
        """A spoken question with picture answers: its words (and the title of
        the @lesson it is about), each answer, Home at the start of the title
        row; said aloud, question first."""
        page = self.page("RahnumaChoicePage")
        self.labelled(page, LABEL, self.words(question))
        if lesson is not None:
            self.labelled(page, LABEL, self.modules[lesson].title())
        for answer in answers:
            self.labelled(page, BUTTON, self.words(answer))
        self.check_edge(self.labelled(page, BUTTON, self._("Home")), "start", self.rtl,
                        "Home, at the start of the title row")
        self.check_before(self.labelled(page, BUTTON, self.words(answers[0])),
                          self.labelled(page, BUTTON, self.words(answers[1])), self.rtl,
                          "the first answer before the second")
        self.said(question)
        time.sleep(0.5)
        self.shot(shot)
        return page

    def sayings(self):
        """Every clip the kiosk was asked to say so far, in order (its log,
        rahnuma-window's "Saying" lines, written as each "kiosk.play" starts)."""
        with open(self.log_path, encoding="utf-8") as f:
            return [line.rstrip().split("Saying ", 1)[1] for line in f if "Saying " in line]

    def check_feedback_said(self, module_id, since, right):
        """What was said after the answer: "correct" alone after a right one
        (the hall discussed the question: its explanation stays on screen,
        unspoken), "wrong" and the explanation (the module's own clip) after
        a wrong one."""
        verdict = "/correct.ogg" if right else "/wrong.ogg"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            said = self.sayings()[since:]
            at = [i for i, clip in enumerate(said) if clip.endswith(verdict)]
            if at:
                after = said[at[-1] + 1:at[-1] + 2]
                explained = bool(after) and ("/%s/" % module_id) in after[0]
                check(explained != right, "after a %s answer on the short path the explanation was %s: %s"
                      % ("right" if right else "wrong", "said" if explained else "not said", said))
                return
            time.sleep(0.2)
        check(False, "the verdict %s was not said" % verdict)

    def check_lesson_counter(self, page, module_id):
        """Above the question, which lesson of how many, with its title (the
        short path has no list of lessons; one question each: no count of
        questions). Lessons are in the catalogue's order, the ids' here."""
        number = sorted(self.modules).index(module_id) + 1
        try:
            counter = self._("Lesson %u of %u: %s", number, len(self.modules), self.modules[module_id].title())
        except CheckFailed as untranslated:
            print("the lesson counter: not checked in %s: %s" % (self.args.lang, untranslated))
            return
        self.labelled(page, LABEL, counter)
        check(self.first(lambda node: node.get_role() == LABEL
                         and node.get_name() == self._("Question %u of %u", 1, 1)) is None,
              "the short path's quiz still says “Question 1 of 1”")

    def answer_quiz(self, module_id, right):
        """The lesson's check question (short-path-questions: one by default,
        drawn per visit, so found by its words), right or wrong; "Next" after
        it (no list of lessons on this path)."""
        module = self.modules[module_id]
        texts = {module.question(number): number for number in range(1, module.n_questions() + 1)}
        page = self.page("RahnumaQuizPage")
        self.check_lesson_counter(page, module_id)
        number = texts[self.inside(page, lambda node: node.get_role() == LABEL and node.get_name() in texts,
                                   "one of %s's questions" % module_id).get_name()]
        lessons = self.first(lambda node: node.get_role() == BUTTON
                             and node.get_name() == self._("All lessons"))
        check(lessons is None, "the short path's quiz offers the list of lessons")
        correct = module.correct(number)
        choice = correct if right else correct % 3 + 1
        since = len(self.sayings())
        self.labelled(page, BUTTON, module.choice(number, choice)).do_action(0)
        self.labelled(page, LABEL, self._("Correct!") if right
                      else self._("Not quite. The right answer is shown in green."))
        self.labelled(page, LABEL, module.explanation(number))
        self.check_feedback_said(module_id, since, right)
        self.asked[module_id] = self.asked.get(module_id, []) + [number]
        self.press(page, self._("Next"))

    def skip_scenes(self, module_id, before_questions):
        """The lesson's scenes again, skipped through as a visitor may;
        @before_questions is called on the last scene."""
        module = self.modules[module_id]
        page = self.page("RahnumaLessonPage")
        self.labelled(page, LABEL, module.title())
        self.labelled(page, LABEL, module.caption(1))
        self.shot("lesson-again")
        for scene in (2, 3):
            self.press(page, self._("Next"))
            self.labelled(page, LABEL, module.caption(scene))
        before_questions()
        self.press(page, self._("Questions"))

    def result(self):
        page = self.page("RahnumaResultPage")
        self.labelled(page, LABEL, self._("Your briefing is finished"))
        self.labelled(page, LABEL, self._("You passed every lesson."))
        # No lesson was watched on the kiosk: the page says what the code
        # stands for on this path, not "every lesson was watched".
        self.labelled(page, LABEL, self.tr.gettext(
            "This code counts as a completed briefing: you were in the hall briefing and answered each "
            "lesson’s questions here."))
        self.check_result_said()
        code = self.inside(page, lambda node: node.get_role() == LABEL and CODE.match(node.get_name() or ""),
                           "a completion code")
        self.code = code.get_name()
        self.shot("result")
        self.press(page, self._("Finish"))
        self.press(page, self._("Yes, finish"))

    def check_result_said(self):
        """What the result says aloud holds on this path too: that the
        briefing is over, how it went and the code; no spoken clip claims
        the lessons were watched here."""
        self.said("code-is")
        honest = ("result", "result-all-passed", "code-is", "contacts")
        with open(self.log_path, encoding="utf-8") as f:
            clips = [line.rstrip().rsplit("/", 1)[-1][:-len(".ogg")] for line in f
                     if "Playing clip " in line and line.rstrip().endswith(".ogg")]
        start = len(clips) - 1 - clips[::-1].index("result")
        spoken = [c for c in clips[start:] if not c.startswith("symbol-")]
        check(all(c in honest for c in spoken), "the result said %s" % spoken)

    # --- the visit ------------------------------------------------------------------
    def visit(self):
        self.button("Start").do_action(0)
        self.button(LANGUAGE_NAMES[self.args.lang]).do_action(0)
        self.choice_page("path", ("path-short", "path-full"), "path")
        since = self.log_length()
        self.choose_path(short=True)

        self.answer_quiz("test-1", right=False)
        # A tap that leaves a spoken page stops it: nothing of it is said
        # over the next page (neither the answers still queued nor the one
        # chosen, as a confirmation the next page's words make needless).
        self.check_left_quiet(since, ("path", "path-short", "path-full"), "the short path")
        again = self.choice_page("watch-again", ("watch-again-yes", "go-on"), "watch-again", lesson="test-1")
        since = self.log_length()
        self.press(again, self.words("watch-again-yes"))
        self.skip_scenes("test-1", lambda: self.check_left_quiet(
            since, ("watch-again", "watch-again-yes", "go-on"), "“Yes, watch it again”", linger=10))
        retry = self.choice_page("retry", ("retry-yes", "go-on"), "retry", lesson="test-1")
        since = self.log_length()
        self.press(retry, self.words("retry-yes"))
        self.answer_quiz("test-1", right=True)
        self.check_left_quiet(since, ("retry", "retry-yes", "go-on"), "“Yes, answer again”")
        self.answer_quiz("test-2", right=True)

        self.skip_about_you(self._("Skip all"), path_chosen=True)
        self.result()
        self.button("Start")

    def run(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.args.db + suffix):
                os.remove(self.args.db + suffix)
        with open(os.path.join(self.args.modules, "answers.json")) as f:
            for module_id in json.load(f):
                self.modules[module_id] = ModuleText(os.path.join(self.args.modules, module_id), self.args.lang)
        env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0", G_MESSAGES_DEBUG="rahnuma-sound rahnuma-window")
        run_kiosk([self.args.binary, "--windowed", "--modules", self.args.modules,
                   "--db", self.args.db, "--centre", "TEST", "--kiosk-id", "ui-test"],
                  env, lambda proc: self.visit(), log=self.log_path)
        self.check_journal()

    def check_journal(self):
        sessions = self.query("SELECT language, path, state, code FROM session")
        check(sessions == [(self.args.lang, "short", "completed", self.code)],
              "the journal's session: %s (code on screen %s)" % (sessions, self.code))
        progress = self.query("SELECT module_id, n_correct, n_questions, passed FROM module_progress"
                              " ORDER BY module_id")
        check(progress == [(m, 1, 1, 1) for m in sorted(self.modules)],
              "both lessons passed with one check question each (short-path-questions): %s" % progress)
        print("short path in %s: one question per lesson %s; a lesson answered wrongly, watched and answered "
              "again; code %s; the journal says path 'short'; %d screenshots"
              % (self.args.lang, self.asked, self.code, self.shots))


def main():
    ShortPath(parse_options(("binary", "localedir", "modules", "lang", "db", "artifacts"), optional=())).run()


if __name__ == "__main__":
    main()
