#!/usr/bin/python3
"""A visitor who walks away, and one who comes back, through AT-SPI.

Starts the real `rahnuma` binary (under the Xvfb display and D-Bus session
that run-ui-test.sh provides) with a short idle timeout set through its
GSettings (a keyfile backend in a scratch folder, as a technician would set
it), offering only the visitor's language and English, begins a visit, and:

1. waits for "Are you still there?", answers "Yes, continue": the visit is
   still on screen and still active in the journal;
2. waits for the question again and lets the countdown run out: the welcome
   screen is back, nothing of the visit is left on screen, and the journal
   records the visit as abandoned.

Usage: idle.py --binary B --localedir D --modules M --lang L --db F --artifacts A
"""
import os
import sqlite3
import subprocess
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from expected import ModuleText, Translations, prompt_text  # noqa: E402
from kiosk_screen import KioskScreen, check, parse_options, run_kiosk  # noqa: E402

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGUAGE_NAMES = {"ur": "اردو", "ps": "پښتو", "pa_PK": "پنجابی", "en": "English"}
RTL = {"ur", "ps", "pa_PK"}
IDLE_TIMEOUT = 5
COUNTDOWN = 6
TIMEOUT = 40


class Idle(KioskScreen):
    timeout = TIMEOUT

    def __init__(self, args):
        self.args = args
        # Expected words from po/<lang>.po and the module's module.ini, not the
        # kiosk's own catalogue: a missing or empty translation fails.
        self.tr = Translations(SOURCE_DIR, args.lang)
        self.continue_name = self.tr.gettext("Yes, continue")
        self.lesson = ModuleText(os.path.join(args.modules, "test-1"), args.lang).title()
        os.makedirs(args.artifacts, exist_ok=True)

    def has_button(self, name):
        return self.first(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON
                              and n.get_name() == name) is not None

    def countdown(self):
        """The seconds left, as a screen reader hears them."""
        names = {self.tr.ngettext("%u second left", "%u seconds left", n, n): n for n in range(COUNTDOWN + 1)}
        node = self.first(lambda n: n.get_role() == Atspi.Role.LABEL and n.get_name() in names)
        return names[node.get_name()] if node is not None else None

    def shot_path(self, label):
        return os.path.join(self.args.artifacts, "idle-%s-%s.png" % (self.args.lang, label))

    def shot(self, label):
        subprocess.run(["import", "-window", "root", self.shot_path(label)], check=False)

    def session_states(self):
        db = sqlite3.connect(self.args.db)
        try:
            return [row[0] for row in db.execute("SELECT state FROM session")]
        finally:
            db.close()

    # --- the test -------------------------------------------------------------------
    def run(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.args.db + suffix):
                os.remove(self.args.db + suffix)
        with tempfile.TemporaryDirectory() as config:
            settings = os.path.join(config, "glib-2.0", "settings")
            os.makedirs(settings)
            with open(os.path.join(settings, "keyfile"), "w") as f:
                f.write("[org/rahnuma/Kiosk]\nidle-timeout=%d\nstill-there-countdown=%d\n"
                        "languages=['%s', 'en']\n" % (IDLE_TIMEOUT, COUNTDOWN, self.args.lang))
            env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0",
                       GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config)
            run_kiosk([self.args.binary, "--windowed", "--modules", self.args.modules, "--db", self.args.db],
                      env, self.both_visits)

    def both_visits(self, proc):
        self.walk_away_and_back()
        self.walk_away()
        check(proc.poll() is None, "the kiosk ended")

    def walk_away_and_back(self):
        start = self.button("Start")
        time.sleep(1)
        self.shot("welcome")
        start.do_action(0)
        choice = self.button(LANGUAGE_NAMES[self.args.lang])
        # Only the languages the settings offer are on the language screen.
        check(not self.has_button(LANGUAGE_NAMES["ps"]), "Pashto is offered but not set")
        choice.do_action(0)
        self.skip_about_you(self.tr.gettext("Skip all"))
        self.button(self.lesson)
        started = time.monotonic()

        answer = self.button(self.continue_name)
        waited = time.monotonic() - started
        # (The lessons page stays in the window's stack, hidden: GTK 4.8 gives
        # AT-SPI no "showing" state to tell, so the screenshot shows it.)
        check(waited >= IDLE_TIMEOUT - 0.5, "asked after %.1f s, before the timeout" % waited)
        self.check_question_screen()
        seconds = self.countdown()
        check(seconds is not None and 0 < seconds <= COUNTDOWN, seconds)
        time.sleep(1.5)
        self.shot("still-there")
        later = self.countdown()
        check(later is not None and later < seconds,
              "the countdown does not count (%s, %s)" % (seconds, later))

        answer.do_action(0)
        self.button(self.lesson, timeout=5)
        time.sleep(0.5)
        check(not self.has_button(self.continue_name), "the question stayed up")
        check(self.session_states() == ["active"], self.session_states())
        print("continue: the visit went on after %.1f s idle" % waited)

    def check_question_screen(self):
        """The question in the visitor's language (media/prompts/prompts.ini), laid out in its direction."""
        page = self.page("RahnumaStillThere")
        self.labelled(page, Atspi.Role.LABEL, prompt_text(SOURCE_DIR, "still-there", self.args.lang))
        listen = self.labelled(page, Atspi.Role.PUSH_BUTTON, self.tr.gettext("Listen"))
        self.check_edge(listen, "end", self.args.lang in RTL, "Listen, at the end of the question's top row")

    def walk_away(self):
        self.button(self.continue_name)
        asked = time.monotonic()
        deadline = asked + COUNTDOWN + 15
        while self.session_states() != ["abandoned"] and time.monotonic() < deadline:
            time.sleep(0.2)
        waited = time.monotonic() - asked
        check(self.session_states() == ["abandoned"], self.session_states())
        check(waited >= COUNTDOWN - 1.5, "abandoned after %.1f s, before the countdown ended" % waited)
        time.sleep(1)  # the screen is cleaned once the journal holds the step
        self.shot("welcome-again")
        # Nothing of the visit is left: the screen is, pixel for pixel, the
        # welcome screen the kiosk started with.
        result = subprocess.run(["compare", "-metric", "AE", self.shot_path("welcome"),
                                 self.shot_path("welcome-again"), "null:"],
                                capture_output=True, text=True)
        differing = result.stderr.strip()
        check(differing == "0",
              "the welcome screen differs from the first one in %s pixels" % differing)
        check(not self.has_button(self.continue_name), "the question is still on screen")
        print("walked away: abandoned after a %.1f s countdown, welcome screen clean" % waited)


def main():
    Idle(parse_options(("binary", "localedir", "modules", "lang", "db", "artifacts"), optional=())).run()


if __name__ == "__main__":
    main()
