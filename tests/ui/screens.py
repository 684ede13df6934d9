#!/usr/bin/python3
"""Every journey screen fits every common kiosk screen, in every language.

Starts the real `rahnuma` binary once (under the Xvfb display and D-Bus
session that run-ui-test.sh provides, whose screen is large enough for the
largest size), with one real lesson (media/modules/contract: the longest
texts and explanations of the bundled lessons). For each language it walks
a visit as a person would (welcome, language, the choice of path after
the hall briefing, "about you", lessons, the
lesson's player, the question Home asks over it, a question, its feedback, "Are you still there?", the
result) and, on each screen, sizes the kiosk window to each screen size in
turn and checks through the accessibility tree, as a screen reader sees it:

- every actionable control (button, toggle, slider…) lies fully inside the
  window, except a row of the scrolled list of lessons (and a line of text
  under the result's code, where to get help), whose scrolled pane must lie
  inside the window (the visitor scrolls to it);
- every piece of text lies inside the window (none cut at an edge), and is
  at least one line high (none squeezed);
- on the result, "Where to get help" and its first office's name show
  whole in the scrolled pane as the page opens.

It also checks the visitor's volume control: each visit starts at the
kiosk's "volume" setting (60 here), whatever the last visitor chose, and
Louder and Quieter change it. It prints the slowest screen change (from
the resize to the new layout) at each size.

A screenshot of each screen at each size goes to --artifacts, named
LANG-SCREEN-WxH.png (the welcome and language screens, in every language
at once, as "all"). Every language gets every size, the "about you" step
too (each question of pictures, the cost question with its number pad, and
the wage question with the pad and its currencies); "Are you still there?"
(which takes the idle timeout to come) is checked in Urdu and English. A
window that cannot shrink to a screen's size is a problem too (its edges
would lie off the screen). One kiosk start serves the run.

Usage: screens.py --binary B --localedir D --media M --artifacts A
"""
import configparser
import contextlib
import gettext
import os
import re
import shutil
import subprocess
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

from kiosk_screen import CheckFailed, KioskScreen, check, parse_options, prompt_words  # noqa: E402

ALL_SIZES = [(1024, 768), (1280, 800), (1366, 768), (1920, 1080), (1080, 1920)]
SIZES = {"all": ALL_SIZES, "ur": ALL_SIZES, "en": ALL_SIZES, "ps": ALL_SIZES, "pa_PK": ALL_SIZES}
LANGUAGE_NAMES = {"ur": "اردو", "ps": "پښتو", "pa_PK": "پنجابی", "en": "English"}
MODULE = "contract"
ACTIONABLE = {Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.SLIDER,
              Atspi.Role.CHECK_BOX, Atspi.Role.RADIO_BUTTON, Atspi.Role.SPIN_BUTTON,
              Atspi.Role.LINK}
MIN_LINE_HEIGHT = 14  # px: the smallest line of text the kiosk shows (its CSS), squeezed below it
VOLUME = 60  # percent: the kiosk's "volume" setting for this run


class Screens(KioskScreen):
    def __init__(self, args, tmp):
        self.args = args
        self.tmp = tmp
        self.lang = "en"
        self.xid = None
        self.problems = []
        self.slowest = {}
        self.module = configparser.ConfigParser(interpolation=None, strict=False)
        self.module.optionxform = str
        self.module.read(os.path.join(args.media, "modules", MODULE, "module.ini"), encoding="utf-8")
        os.makedirs(args.artifacts, exist_ok=True)
        for old in os.listdir(args.artifacts):
            os.remove(os.path.join(args.artifacts, old))

    # --- helpers -----------------------------------------------------------------
    def _(self, text):
        return gettext.translation("rahnuma", localedir=self.args.localedir, languages=[self.lang],
                                   fallback=True).gettext(text)

    def text(self, section, key):
        values = self.module[section]
        return values.get("%s[%s]" % (key, self.lang), values[key]) if self.lang != "en" else values[key]

    def shot(self, label):
        subprocess.run(["import", "-window", "root", os.path.join(self.args.artifacts, label + ".png")],
                       check=False)

    def wiggle(self):
        """A touch-free sign of life, so the idle timeout waits."""
        subprocess.run(["xdotool", "mousemove", "300", "4", "mousemove", "301", "5"], check=False)

    def first(self, predicate):
        """As KioskScreen.first, looking again when a node goes while we walk
        (a page leaving the stack)."""
        for _ in range(3):
            try:
                return super().first(predicate)
            except GLib.Error:
                time.sleep(0.1)
        return super().first(predicate)

    def named(self, name):
        return lambda node: node.get_role() == Atspi.Role.PUSH_BUTTON and node.get_name() == name

    def is_question(self, node):
        return node.get_role() == Atspi.Role.PUSH_BUTTON and node.get_name() == self._("Yes, continue")

    def press(self, name, timeout=None):
        self.wiggle()
        self.button(name, timeout).do_action(0)
        time.sleep(0.3)

    def kiosk_window(self):
        """The kiosk's X window: the largest visible one (GDK also maps helpers)."""
        out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "^Rahnuma$"],
                             capture_output=True, text=True).stdout.split()
        best, area = None, 0
        for xid in out:
            geometry = subprocess.run(["xdotool", "getwindowgeometry", "--shell", xid],
                                      capture_output=True, text=True).stdout
            values = dict(line.split("=", 1) for line in geometry.split())
            if int(values["WIDTH"]) * int(values["HEIGHT"]) > area:
                best, area = xid, int(values["WIDTH"]) * int(values["HEIGHT"])
        check(best is not None, "no kiosk window on the display")
        return best

    def resize(self, width, height):
        """Sizes the window as a screen of @width x @height would; returns the seconds
        until the kiosk has laid out the new size (its frame's extents say so)."""
        began = time.monotonic()
        subprocess.run(["xdotool", "windowsize", self.xid, str(width), str(height)], check=True)
        frame = self.find(lambda n: n.get_role() == Atspi.Role.FRAME, "the kiosk window")
        deadline = time.monotonic() + 1.5  # a window that will not shrink stays larger
        while time.monotonic() < deadline:
            extents = frame.get_extents(Atspi.CoordType.WINDOW)
            # GTK's frame of a window without a window manager takes a few pixels.
            if abs(extents.width - width) <= 12 and abs(extents.height - height) <= 12:
                break
            time.sleep(0.02)
        else:
            # A window that cannot shrink to the screen puts its edges off it.
            self.problems.append("%s: the window stayed %dx%d for a %dx%d screen"
                                 % (self.lang, extents.width, extents.height, width, height))
            print(self.problems[-1])
        self.bounds = extents
        elapsed = time.monotonic() - began
        time.sleep(0.3)  # the crossfade and any re-wrapped text settle
        return elapsed

    # --- the checks ----------------------------------------------------------------
    def ancestors(self, node):
        parent = node.get_parent()
        while parent is not None and parent.get_role() != Atspi.Role.APPLICATION:
            yield parent
            parent = parent.get_parent()

    def outside(self, node, width, height):
        """Whether @node is not fully inside a @width x @height window (the
        kiosk's frame, if that is smaller)."""
        e = node.get_extents(Atspi.CoordType.WINDOW)
        b = self.bounds
        right = min(b.x + b.width, width)
        bottom = min(b.y + b.height, height)
        return e.x < b.x or e.y < b.y or e.x + e.width > right or e.y + e.height > bottom, e

    def path_of(self, node):
        """Indexes from the application down to @node."""
        path = []
        while node is not None and node.get_role() != Atspi.Role.APPLICATION:
            path.insert(0, node.get_index_in_parent())
            node = node.get_parent()
        return path

    def walk_paths(self, node, path=()):
        """As KioskScreen.walk, with each node's path."""
        if len(path) > 1:
            try:
                extents = node.get_extents(Atspi.CoordType.WINDOW)
                if extents.width <= 0 or extents.height <= 0:
                    return
            except GLib.Error:
                pass
        yield node, path
        for i in range(node.get_child_count()):
            yield from self.walk_paths(node.get_child_at_index(i), path + (i,))

    def page_filter(self, marker):
        """Which paths are on screen: GTK 4.8 reports the pages the stack
        hides with their last extents (and "showing" on none), so only the
        stack page holding @marker, a control surely on screen, counts."""
        louder = self.path_of(self.button(self._("Louder"), sensitive=False))
        # The stack is the first child of the overlay (which shows the
        # question Home asks over it), the first child of the volume box's parent.
        stack = tuple(louder[:-2] + [0, 0])
        page = tuple(self.path_of(self.find(marker, "the screen's marker"))[:len(stack) + 1])
        return lambda path: path[:len(stack)] != stack or path[:len(stack) + 1] == page

    def check(self, screen, width, height, on_screen):
        for node, path in self.walk_paths(self.app()):
            if not on_screen(path):
                continue
            try:
                role = node.get_role()
                if role not in ACTIONABLE and role != Atspi.Role.LABEL:
                    continue
                if not (node.get_name() or "").strip():
                    continue
                bad, e = self.outside(node, width, height)
                if role == Atspi.Role.LABEL and 0 < e.height < MIN_LINE_HEIGHT:
                    self.problems.append("%s %s at %dx%d: label “%s” is squeezed to %d px, under one line"
                                         % (self.lang, screen, width, height, node.get_name(), e.height))
                if not bad:
                    continue
                # Two screens are meant to scroll: the list of lessons (a row below
                # it is scrolled to, not cut) and, on the result, the words under
                # the code (where to get help: as many offices as a centre lists),
                # above a Finish that stays in view. Anywhere else, and any control
                # on the result, out of sight is one a visitor who cannot read
                # will never find.
                panes = [a for a in self.ancestors(node) if a.get_role() == Atspi.Role.SCROLL_PANE]
                scrolls = screen == "lessons" or (screen == "result" and role == Atspi.Role.LABEL)
                if scrolls and panes and not self.outside(panes[0], width, height)[0]:
                    continue
                self.problems.append("%s %s at %dx%d: %s “%s” at %d,%d %dx%d is not inside the window"
                                     % (self.lang, screen, width, height, node.get_role_name(),
                                        node.get_name(), e.x, e.y, e.width, e.height))
            except GLib.Error:
                continue  # gone while we looked

    def help_in_view(self, width, height, on_screen):
        """On the result, "Where to get help" and the first office's name
        show whole in the scrolled pane as the page opens (not a strip of
        them at its foot): whoever reads for the visitor sees that help is
        listed, and scrolls on to its numbers."""
        labels = [n for n, path in self.walk_paths(self.app())
                  if on_screen(path) and n.get_role() == Atspi.Role.LABEL and (n.get_name() or "").strip()]
        titles = [i for i, n in enumerate(labels) if n.get_name() == self._("Where to get help")]
        if not titles:
            return  # no contacts on this kiosk
        for node in labels[titles[0]:titles[0] + 2]:
            pane = next((a for a in self.ancestors(node) if a.get_role() == Atspi.Role.SCROLL_PANE), None)
            e, p = node.get_extents(Atspi.CoordType.WINDOW), pane.get_extents(Atspi.CoordType.WINDOW)
            if e.y < p.y or e.y + e.height > p.y + p.height:
                self.problems.append("%s result at %dx%d: “%s” at y %d..%d is out of the scrolled pane's view "
                                     "(y %d..%d) as the page opens" % (self.lang, width, height, node.get_name(),
                                                                      e.y, e.y + e.height, p.y, p.y + p.height))

    def fit(self, screen, marker):
        """Checks @screen (the stack page showing @marker) at every size of this
        language, and keeps a screenshot of each."""
        for width, height in SIZES[self.lang]:
            self.wiggle()
            elapsed = self.resize(width, height)
            key = "%dx%d" % (width, height)
            self.slowest[key] = max(self.slowest.get(key, 0), elapsed)
            self.check(screen, width, height, self.page_filter(marker))
            if screen == "result":
                self.help_in_view(width, height, self.page_filter(marker))
            subprocess.run(["import", "-window", "root", "-crop", "%dx%d+0+0" % (width, height),
                            os.path.join(self.args.artifacts, "%s-%s-%s.png" % (self.lang, screen, key))],
                           check=False)
        self.resize(*SIZES[self.lang][0])

    # --- one visit per language ------------------------------------------------------
    def path_choice(self):
        """The question after the language (issue 20), "Were you in the hall
        briefing today?", its two picture answers at every size; then the
        full path, which the rest of the walk takes."""
        words = prompt_words("path-full")
        full = words.get(self.lang, words["en"])
        self.button(full)
        self.fit("path", self.named(full))
        self.wiggle()
        self.choose_path()

    def about_you(self):
        """The "about you" step, in every language: its first question, the
        cost question (the number pad) and the wage question (the pad beside
        the currencies: four of them, the destination being unsaid) checked
        at every size; then "Skip all"."""
        skip_all = self._("Skip all")
        unsaid = self._("Prefer not to say")
        self.button(skip_all)
        self.find(lambda n: n.get_role() == Atspi.Role.LABEL
                  and n.get_name() == self._("Are you a woman or a man?"), "the first question")
        self.fit("about", self.named(skip_all))
        # Each question of pictures is fitted: their answers differ in number
        # (five a row for nine) and in length (the destination's, in Pashto,
        # once went past 1024 px, unseen while only the first was fitted).
        for screen, question in (("about-destination", "Which country are you going to?"),
                                 ("about-sector", "What kind of work will you do?"),
                                 ("about-found", "How did you find this job?")):
            self.press(unsaid)
            self.find(lambda n, q=self._(question): n.get_role() == Atspi.Role.LABEL and n.get_name() == q,
                      "the question “%s”" % question)
            self.fit(screen, self.named(skip_all))
        self.press(unsaid)
        cost = self._("How much have you paid so far to get this job? Count every fee and payment, in rupees.")
        self.find(lambda n: n.get_role() == Atspi.Role.LABEL and n.get_name() == cost, "the cost question")
        self.fit("about-cost", self.named(self._("I don’t know")))
        for _ in range(3):  # the cost, a receipt, a loan
            self.press(unsaid)
        rupees = self._("Pakistani rupees")
        self.find(self.named(rupees), "the wage question's currencies")
        self.fit("about-wage", self.named(rupees))
        self.wiggle()
        self.skip_about_you(skip_all, path_chosen=True)

    def visit(self, lang):
        self.lang = "en"  # the welcome and language screens speak every language at once
        self.button("Start")
        if lang == "ur":
            self.lang = "all"  # the welcome and language screens speak every language at once
            self.fit("welcome", self.named("Start"))
        self.press("Start")
        self.button(LANGUAGE_NAMES[lang])
        if lang == "ur":
            self.fit("language", self.named(LANGUAGE_NAMES["ur"]))
            self.lang = "en"
        self.press(LANGUAGE_NAMES[lang])
        self.lang = lang
        self.path_choice()
        self.about_you()

        title = self.text("Module", "Title")
        self.button(title)
        self.fit("lessons", self.named(title))
        self.change_volume()
        self.press(title)
        self.lesson()
        self.quiz()
        self.press(self._("Finish and get my code"))
        self.button(self._("Finish"))
        self.fit("result", self.named(self._("Finish")))
        self.press(self._("Finish"))
        # Finish asks first, on the page itself, below the scrolled words.
        self.press(self._("Yes, finish"))

    def volume(self):
        gauge = self.find(lambda n: n.get_role() == Atspi.Role.LEVEL_BAR and n.get_name() == self._("Volume"),
                          "the volume gauge")
        return round(gauge.get_current_value())

    def change_volume(self):
        """The visitor's volume control: present, it works, and each visitor
        starts again at the kiosk's setting, whatever the last one chose."""
        check(self.volume() == VOLUME,
              "the visit starts at %s%%, not the setting's %d%%" % (self.volume(), VOLUME))
        self.press(self._("Louder"))
        self.press(self._("Louder"))
        check(self.volume() == VOLUME + 20, self.volume())
        self.press(self._("Quieter"))
        check(self.volume() == VOLUME + 10, self.volume())

    def lesson(self):
        self.find(lambda n: n.get_role() == Atspi.Role.PROGRESS_BAR, "the lesson's progress bar")
        self.fit("lesson", lambda n: n.get_role() == Atspi.Role.PROGRESS_BAR)
        # Home asks first, over the lesson: the question and its two answers.
        self.press(self._("Home"))
        self.home_question()
        self.fit("home-confirm", self.named(prompt_words("home-yes")[self.lang]))
        self.wiggle()
        self.answer_home(yes=False)
        time.sleep(0.3)
        n_scenes = len([s for s in self.module.sections() if s.startswith("Scene ")])
        for _ in range(n_scenes - 1):
            self.press(self._("Next"))
        self.press(self._("Questions"))

    def quiz(self):
        """Each question answered with its first choice, then Next, one step at
        a time: a tap waits for what the last one changed (the question, its
        explanation) before it is made, as a visitor waits to see it.

        A GTK 4.8 button's press is emitted a moment after its activation, and
        the quiz's Next stays in the accessibility tree between questions, so a
        test that does not wait can press ahead of the page."""
        questions = [s for s in self.module.sections() if s.startswith("Question ")]
        label = Atspi.Role.LABEL
        for number, section in enumerate(questions, start=1):
            quiz_page = self.page("RahnumaQuizPage")
            self.shown_question(quiz_page, section, number)
            choice = self.text(section, "Choice1")
            node = self.inside(quiz_page, lambda n: (n.get_role() == Atspi.Role.PUSH_BUTTON
                                                     and n.get_name() == choice
                                                     and n.get_state_set().contains(Atspi.StateType.SENSITIVE)),
                               "button “%s”" % choice)
            if number == 1:
                self.fit("quiz", self.named(choice))
            self.wiggle()
            node.do_action(0)
            self.labelled(quiz_page, label, self.text(section, "Explanation"))
            way_on = self._("Next") if number < len(questions) else self._("Back to the lessons")
            button = self.labelled(quiz_page, Atspi.Role.PUSH_BUTTON, way_on)
            if number == 1:
                time.sleep(0.5)  # the feedback slides in
                self.fit("quiz-feedback", self.named(way_on))
            self.wiggle()
            button.do_action(0)
            time.sleep(0.3)

    def shown_question(self, quiz_page, section, number):
        """Waits for question @number's words on the quiz page. Next is pressed
        once more if the last question stays (a press that did not take, as a
        visitor taps again; a second press on an unanswered question does
        nothing)."""
        text = self.text(section, "Text")
        try:
            self.labelled(quiz_page, Atspi.Role.LABEL, text, timeout=10)
        except CheckFailed:
            if number == 1:
                raise
            print("screens: question %d not shown 10 s after Next: Next pressed again" % number)
            self.labelled(quiz_page, Atspi.Role.PUSH_BUTTON, self._("Next")).do_action(0)
            self.labelled(quiz_page, Atspi.Role.LABEL, text)

    @contextlib.contextmanager
    def kiosk(self, modules, idle_timeout):
        config = tempfile.mkdtemp(dir=self.tmp)
        os.makedirs(os.path.join(config, "glib-2.0", "settings"))
        with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
            f.write("[org/rahnuma/Kiosk]\nidle-timeout=%d\nstill-there-countdown=600\nvolume=%d\n"
                    % (idle_timeout, VOLUME))
        env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0",
                   GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config)
        proc = subprocess.Popen([self.args.binary, "--windowed", "--modules", modules,
                                 "--db", os.path.join(config, "journal.db"),
                                 "--centre", "TEST", "--kiosk-id", "screens"], env=env)
        try:
            self.lang = "en"
            self.button("Start")
            self.xid = self.kiosk_window()
            yield
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()

    def still_there(self, lang):
        self.lang = "en"
        self.press("Start")
        self.press(LANGUAGE_NAMES[lang])
        self.lang = lang
        self.wiggle()
        self.skip_about_you(self._("Skip all"))
        self.find(self.is_question, "the question", timeout=30)
        self.fit("still-there", self.is_question)
        self.find(self.is_question, "the question").do_action(0)
        time.sleep(0.3)
        self.press(self._("Home"))
        self.answer_home(yes=True)
        self.lang = "en"
        self.button("Start")

    def run(self):
        modules = os.path.join(self.tmp, "modules")
        shutil.copytree(os.path.join(self.args.media, "modules", MODULE), os.path.join(modules, MODULE))
        # The visitor here skips through the scenes: the lesson counts as done
        # without watching it, so the result page comes after one lesson.
        ini = os.path.join(modules, MODULE, "module.ini")
        with open(ini, encoding="utf-8") as f:
            text = f.read()
        with open(ini, "w", encoding="utf-8") as f:
            f.write(re.sub(r"(?m)^MinWatched=.*$", "MinWatched=0", text))
        try:
            with self.kiosk(modules, idle_timeout=3600):
                for lang in ("ur", "en", "ps", "pa_PK"):
                    self.visit(lang)
        finally:
            for problem in self.problems:
                print(problem)
        # "Are you still there?" once the idle timeout has passed: a second
        # start with a short timeout, so it never interrupts the checks above.
        with self.kiosk(modules, idle_timeout=5):
            for lang in ("ur", "en"):
                self.still_there(lang)
        for size, seconds in self.slowest.items():
            print("slowest screen change at %s: %.0f ms" % (size, seconds * 1000))
        check(not self.problems, "%d problem(s), listed above" % len(self.problems))
        print("every screen fits every size in ur, en, ps, pa_PK; %d screenshots in %s"
              % (len(os.listdir(self.args.artifacts)), self.args.artifacts))


def main():
    args = parse_options(("binary", "localedir", "media", "artifacts"), optional=())
    with tempfile.TemporaryDirectory() as tmp:
        Screens(args, tmp).run()


if __name__ == "__main__":
    main()
