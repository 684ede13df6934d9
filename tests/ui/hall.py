#!/usr/bin/env python3
"""Hall mode (issue 20): `rahnuma --hall` driven as an officer drives it.

The officer chooses the narration and the subtitle languages (two different
ones, or the same) and the lessons (optionally leaving one out: the
lesson off loses its ✓, and with every lesson off Start is greyed and says
"Choose at least one lesson"), starts the
briefing, goes on with the on-screen Next button and with a presenter
remote's keys (Page Down and Page Up, sent with xdotool), blanks the screen
with B and back (hall-ur) or lets the first scene run on by itself (hall-ps,
"Let it run"), sees a question
with its numbered answers and then, on Next, the right answer marked and
the explanation; then opens the head count, goes back with Page Up and
opens it again, enters a head count on the number pad and saves ("Saved:
N people in the hall." above Start). Blanked (B), the whole screen is
black, the officer's bar too, and Space brings it back.
The journal's hall_session row must then hold exactly that: the centre and
PC given on the command line, today, the lessons shown, both languages and
the count; and nothing else was recorded (no visit). The words on the hall's
screen come from the lessons' module.ini in the subtitle language; the
officer's controls from po/en.po (the hall PC's interface is in English).
With --clock DATE (hall-clock) it runs under faketime at a wrong date: the
choices say so, the head count says so above its pad before Save (in the
page, not a toast over its buttons), and Save is refused with the count kept
on the pad and "Not saved" under it.
With --no-journal (hall-nojournal) the journal cannot be opened (its folder
is a file): hall mode starts all the same, the choices and the head count
say the count cannot be saved, and Save goes back to the choices saying it
was not saved; no journal is made.
With --screenshots DIR, the scene with its caption and the question with its
answer go to DIR/hall-<subtitles>-scene.png and -question.png.
"""
import argparse
import datetime
import glob
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expected import ModuleText, Translations  # noqa: E402
from kiosk_screen import Atspi, KioskScreen, check, run_kiosk  # noqa: E402

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The language buttons' names: English, then the language's own name (rahnuma-language.c).
LANGUAGE_BUTTONS = {"ur": "Urdu — اردو", "ps": "Pashto — پښتو", "pa_PK": "Punjabi — پنجابی",
                    "en": "English"}
BUTTON = Atspi.Role.PUSH_BUTTON
TOGGLE = Atspi.Role.PUSH_BUTTON  # GTK 4.8 shows a toggle button as a push button, "pressed" when on
LABEL = Atspi.Role.LABEL
CENTRE = "LHR"
PC = "hall-pc-1"


class Hall(KioskScreen):
    def __init__(self, args):
        self.args = args
        self.en = Translations(SOURCE_DIR, "en")
        self.lessons = [os.path.join(args.modules, name) for name in ("test-1", "test-2")]
        self.text = [ModuleText(d, args.subtitles) for d in self.lessons]
        self.shown = ["test-1"] if args.leave_out else ["test-1", "test-2"]
        os.makedirs(args.artifacts, exist_ok=True)
        # hall-clock and hall-nojournal have the languages of hall-ur's sibling: a log each.
        self.variant = "-clock" if args.clock else "-nojournal" if args.no_journal else ""
        self.log_path = os.path.join(args.artifacts, "hall-%s-%s%s.log" % (args.narration, args.subtitles,
                                                                           self.variant))

    def _(self, text):
        return self.en.gettext(text)

    def shot(self, name):
        path = os.path.join(self.args.artifacts, "hall-%s-%s-%s.png" % (self.args.narration,
                                                                       self.args.subtitles, name))
        subprocess.run(["import", "-window", "root", path], check=False)
        if self.args.screenshots:
            os.makedirs(self.args.screenshots, exist_ok=True)
            subprocess.run(["import", "-window", "root",
                            os.path.join(self.args.screenshots, "hall-%s-%s.png" % (self.args.subtitles, name))],
                           check=False)

    def press(self, root, role, name):
        node = self.labelled(root, role, name)
        node.do_action(0)
        time.sleep(0.3)
        return node

    def panel(self, root, name):
        return self.inside(root, lambda n: n.get_name() == name and n.get_role() != LABEL, "the group “%s”" % name)

    def key(self, name):
        """A key as a presenter remote sends it (xdotool: Next = Page Down, Prior = Page Up)."""
        out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Rahnuma"],
                             capture_output=True, text=True).stdout.split()
        check(out, "no visible hall window for xdotool")
        subprocess.run(["xdotool", "windowfocus", "--sync", out[0]], check=False)
        subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)
        time.sleep(0.3)

    def see(self, text, what):
        return self.inside(self.page("RahnumaHallShow"), lambda n: n.get_role() == LABEL and n.get_name() == text,
                           what)

    # --- the officer's steps ------------------------------------------------------
    def choose(self):
        setup = self.page("RahnumaHallSetup")
        self.labelled(setup, LABEL, self._("Hall briefing"))
        narration = self.panel(setup, self._("Language of the narration"))
        self.press(narration, TOGGLE, LANGUAGE_BUTTONS[self.args.narration])
        if self.args.narration in ("ps", "pa_PK"):
            # No recording in the fixture lessons: Urdu is heard instead, as on the kiosk, and said.
            english = {"ps": "Pashto", "pa_PK": "Punjabi"}[self.args.narration]
            self.labelled(setup, LABEL, self.en.gettext(
                "Some lessons have no %s recording yet: they will be heard in %s.", english, "Urdu"))
        subtitles = self.panel(setup, self._("Language of the subtitles"))
        self.press(subtitles, TOGGLE, LANGUAGE_BUTTONS[self.args.subtitles])
        if self.args.leave_out:
            lessons = self.panel(setup, self._("Lessons to show"))
            two = self.press(lessons, TOGGLE, "Lesson 2")
            check(self.marks(two) == 0, "Lesson 2 is off but still marked ✓")
            one = self.labelled(lessons, TOGGLE, "Lesson 1")
            check(self.marks(one) == 1, "Lesson 1 is on but not marked ✓")
            # Every lesson off: Start greyed, and it says why.
            self.press(lessons, TOGGLE, "Lesson 1")
            self.labelled(setup, LABEL, self._("Choose at least one lesson"))
            start = self.labelled(setup, BUTTON, self._("Start the briefing"))
            check(not start.get_state_set().contains(Atspi.StateType.SENSITIVE), "Start is on with no lesson")
            self.press(lessons, TOGGLE, "Lesson 1")
        self.press(setup, BUTTON, self._("Start the briefing"))

    def position(self):
        """The officer's bar's "Lesson 1 of 2 — …" text."""
        start = self._("Lesson %u of %u — picture %u of %u").split("%u")[0]
        names = [n.get_name() for n in self.walk(self.page("RahnumaHallShow"), 2)
                 if n.get_role() == LABEL and (n.get_name() or "").startswith(start) and "—" in n.get_name()]
        check(len(names) == 1, "the position in the bar: %s" % names)
        return names[0]

    def marks(self, button):
        """How many ✓ pictures are on screen in @button (a lesson that is on has one)."""
        return len([n for n in self.walk(button, 2) if n.get_role() == Atspi.Role.IMAGE])

    def pressed(self, node):
        return node.get_state_set().contains(Atspi.StateType.PRESSED)

    def blank(self):
        """B blanks the hall's screen, B again brings it back: the "Blank screen"
        toggle follows (AT-SPI's "showing" of the caption is not kept current by GTK 4.8)."""
        show = self.page("RahnumaHallShow")
        toggle = self.labelled(show, TOGGLE, self._("Blank screen"))
        # B blanks the whole screen, the officer's bar too; any key (here Space) brings it back.
        for key, want in (("b", True), ("space", False)):
            self.key(key)
            deadline = time.monotonic() + 10
            while self.pressed(toggle) != want and time.monotonic() < deadline:
                time.sleep(0.2)
            check(self.pressed(toggle) == want, "“Blank screen” is %s after %s" % (("off", "on")[not want], key))
            bar = [n for n in self.walk(show, 2) if n.get_role() == BUTTON and n.get_name() == self._("Next")]
            check(bool(bar) != want, "the officer's bar is %s" % ("still on the blank screen" if want else "not back"))

    def walk_scenes(self):
        first = self.text[0]
        self.see(first.caption(1), "the first caption, in the subtitle language")
        self.see(first.title(), "the lesson's title, in the subtitle language")
        self.shot("scene")
        if self.args.let_it_run:
            # On by itself at the end of the narration; then off again.
            run = self.press(self.page("RahnumaHallShow"), TOGGLE, self._("Let it run"))
            self.see(first.caption(2), "the second caption, come by itself with “Let it run”")
            run.do_action(0)
            time.sleep(0.3)
        else:
            self.blank()
            self.press(self.page("RahnumaHallShow"), BUTTON, self._("Next"))
            self.see(first.caption(2), "the second caption after the on-screen Next")
        self.key("Next")
        self.see(first.caption(3), "the third caption after Page Down")
        self.key("Prior")
        self.see(first.caption(2), "the second caption again after Page Up")
        self.key("Next")
        self.see(first.caption(3), "the third caption")

    def walk_question(self):
        first = self.text[0]
        self.key("Next")
        self.see(first.question(1), "the first question after the scenes")
        correct = first.correct(1)
        n = len([k for k in first.ini.options("Question 1") if k.startswith("Choice") and "[" not in k])
        for i in range(1, n + 1):
            self.see("%d. %s" % (i, first.choice(1, i)), "answer %d, numbered" % i)
        self.shot("question")
        self.press(self.page("RahnumaHallShow"), BUTTON, self._("Next"))
        self.see("✓ %d. %s" % (correct, first.choice(1, correct)), "the right answer, marked")
        self.see(first.explanation(1), "the explanation")
        self.shot("answer")

    def next_lesson(self):
        """Page Down through lesson 1's other questions into lesson 2 (recorded as shown)."""
        for _ in range(2 * (self.text[0].n_questions() - 1) + 1):
            self.key("Next")
        self.see(self.text[1].caption(1), "lesson 2's first caption after lesson 1's last answer")

    def head_count(self):
        before = self.position()
        self.press(self.page("RahnumaHallShow"), BUTTON, self._("Head count"))
        self.page("RahnumaHallCount")
        # Previous on the presenter remote: back to the briefing (GTK 4.8 keeps hidden
        # pages' sizes, so it is seen by Page Down moving the briefing on), then the count again.
        self.key("Prior")
        self.key("Next")
        check(self.position() != before, "Page Up on the head count did not go back to the briefing")
        self.press(self.page("RahnumaHallShow"), BUTTON, self._("Head count"))
        count = self.page("RahnumaHallCount")
        self.labelled(count, LABEL, self._("How many people were in the hall?"))
        save = self.labelled(count, BUTTON, self._("Save"))
        check(not save.get_state_set().contains(Atspi.StateType.SENSITIVE), "Save is on with no count")
        for digit in self.args.count:
            self.press(count, BUTTON, digit)
        self.inside(count, lambda n: n.get_name() == self.args.count, "the count %s" % self.args.count)
        self.press(count, BUTTON, self._("Save"))
        n = int(self.args.count)
        self.labelled(self.page("RahnumaHallSetup"), LABEL, self.en.ngettext(
            "Saved: %u person in the hall.", "Saved: %u people in the hall.", n, n))
        deadline = time.monotonic() + 10
        while not self.rows() and time.monotonic() < deadline:
            time.sleep(0.2)

    def wrong_clock(self, proc):
        """Under faketime: the choices say the clock is wrong; Save keeps the count and records nothing."""
        setup = self.page("RahnumaHallSetup")
        start = self._("This PC’s clock says %s. Set the date and time before the briefing: "
                       "the head count cannot be saved while the clock is wrong.").split("%s")[0]
        said = lambda n: n.get_role() == LABEL and (n.get_name() or "").startswith(start + self.args.clock[:10])
        self.inside(setup, said, "the wrong clock said on the choices screen")
        self.press(setup, BUTTON, self._("Start the briefing"))
        self.press(self.page("RahnumaHallShow"), BUTTON, self._("Head count"))
        count = self.page("RahnumaHallCount")
        self.inside(count, said, "the wrong clock said on the head count, before Save")
        for digit in self.args.count:
            self.press(count, BUTTON, digit)
        self.press(count, BUTTON, self._("Save"))
        self.inside(count, said, "the wrong clock said after Save")
        self.labelled(count, LABEL, self._("Not saved. Set the date and time, then tap Save again."))
        self.inside(count, lambda n: n.get_name() == self.args.count, "the count still on the pad")
        time.sleep(1)
        check(self.rows() == [], "a hall session was recorded with a wrong clock: %s" % self.rows())

    def no_journal(self, proc):
        """No journal: briefed all the same, the count said unsaved before and after Save."""
        setup = self.page("RahnumaHallSetup")
        problem = self.en.gettext("The journal %s cannot be opened: the head count of this briefing cannot be "
                                  "saved. You can still give the briefing; tell a technician (the reason is "
                                  "in the log).", self.journal_path())
        self.labelled(setup, LABEL, problem)
        self.press(setup, BUTTON, self._("Start the briefing"))
        self.press(self.page("RahnumaHallShow"), BUTTON, self._("Head count"))
        count = self.page("RahnumaHallCount")
        self.labelled(count, LABEL, problem)
        for digit in self.args.count:
            self.press(count, BUTTON, digit)
        self.press(count, BUTTON, self._("Save"))
        n = int(self.args.count)
        setup = self.page("RahnumaHallSetup")
        self.labelled(setup, LABEL, self.en.ngettext(
            "Not saved: %u person in the hall. The journal cannot be used (see above).",
            "Not saved: %u people in the hall. The journal cannot be used (see above).", n, n))
        self.labelled(setup, LABEL, problem)

    def journal_path(self):
        """With --no-journal, a journal whose folder is a file: it cannot be made, by root either."""
        return os.path.join(self.args.db, "journal.db") if self.args.no_journal else self.args.db

    def briefing(self, proc):
        self.choose()
        self.walk_scenes()
        self.walk_question()
        if not self.args.leave_out:
            self.next_lesson()
        self.head_count()

    # --- the record ---------------------------------------------------------------
    def rows(self):
        return self.query("SELECT centre, kiosk, day, modules, narration, subtitles, head_count FROM hall_session")

    def check_journal(self):
        if self.args.no_journal:
            check(not os.path.exists(self.journal_path()), "a journal was made")
            return
        if self.args.clock:
            check(self.rows() == [], "a hall session was recorded with a wrong clock")
            return
        today = datetime.datetime.now().strftime("%Y-%m-%d")
        expected = [(CENTRE, PC, today, ",".join(self.shown), self.args.narration, self.args.subtitles,
                     int(self.args.count))]
        check(self.rows() == expected, "hall_session holds %s, not %s" % (self.rows(), expected))
        check(self.query("SELECT count(*) FROM session") == [(0,)], "a visit was recorded in hall mode")
        check(self.query("SELECT count(*) FROM survey") == [(0,)], "a survey row was recorded in hall mode")

    def run(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.args.db + suffix):
                os.remove(self.args.db + suffix)
        env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0", LANGUAGE="")
        if self.args.clock:
            # libfaketime itself (not the faketime program, which would take the SIGTERM meant for the kiosk).
            # Debian's libfaketime, on whatever architecture this is.
            libs = glob.glob("/usr/lib/*/faketime/libfaketimeMT.so.1")
            check(libs != [], "libfaketime is not installed (Debian package faketime)")
            env.update(LD_PRELOAD=libs[0], FAKETIME="@" + self.args.clock)
            # Under AddressSanitizer (build-asan) the preload comes before ASan's runtime,
            # which it refuses unless told not to check the order.
            env["ASAN_OPTIONS"] = ":".join(o for o in (env.get("ASAN_OPTIONS"), "verify_asan_link_order=0") if o)
        if self.args.no_journal:
            with open(self.args.db, "w"):
                pass
            # The journal's problem is logged as a warning, on purpose.
            env["G_DEBUG"] = ",".join(f for f in env.get("G_DEBUG", "").split(",") if f and f != "fatal-warnings")
        body = self.wrong_clock if self.args.clock else self.no_journal if self.args.no_journal else self.briefing
        run_kiosk([self.args.binary, "--hall", "--modules", self.args.modules, "--db", self.journal_path(),
                   "--centre", CENTRE, "--kiosk-id", PC], env, body, log=self.log_path)
        self.check_journal()


def main():
    parser = argparse.ArgumentParser()
    for option in ("binary", "localedir", "modules", "narration", "subtitles", "db", "artifacts", "count"):
        parser.add_argument("--" + option, required=True)
    parser.add_argument("--leave-out", action="store_true", help="leave the second lesson out")
    parser.add_argument("--let-it-run", action="store_true", help="let the first scene go on by itself")
    parser.add_argument("--screenshots", help="where to put the README's screenshots")
    parser.add_argument("--clock", help="run under faketime at this date: Save must be refused")
    parser.add_argument("--no-journal", action="store_true", help="a journal that cannot be opened: brief anyway")
    Hall(parser.parse_args()).run()


if __name__ == "__main__":
    main()
