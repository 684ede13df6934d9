#!/usr/bin/env python3
"""The "about you" step, by touch (issue 19): the kiosk in kiosk mode (full
screen) with the step turned on (the "about-you" setting).

First visitor: answers every question with the pictures and the number pad
(a country, a sector, what was paid, the wage in the destination's currency,
offered first), then reaches the lessons; the journal holds exactly those
answers: gender, destination and sector on the visit, the rest in a survey
row of its own, the cost rounded. Second visitor: "Prefer not to say", then
"Skip all": nothing more is written. Checked on the way: every answer and
pad key is at least 64 px, each digit tapped is heard (its clip played), Home is at the start of the title row for the
language's direction, the words come from po/<lang>.po. A screenshot of each
question goes to --artifacts.
"""
import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from expected import Translations  # noqa: E402
from kiosk_screen import Atspi, KioskScreen, check, run_kiosk  # noqa: E402

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LANGUAGE_NAMES = {"ur": "اردو", "ps": "پښتو", "pa_PK": "پنجابی", "en": "English"}
RTL = ("ur", "ps", "pa_PK")
BUTTON = Atspi.Role.PUSH_BUTTON
LABEL = Atspi.Role.LABEL
MIN_TARGET = 64


class Survey(KioskScreen):
    def __init__(self, args):
        self.args = args
        self.shots = 0
        self.tr = Translations(SOURCE_DIR, args.lang)
        self.rtl = args.lang in RTL
        os.makedirs(args.artifacts, exist_ok=True)
        self.log_path = os.path.join(args.artifacts, "survey-%s-kiosk.log" % args.lang)

    def _(self, text):
        return self.tr.gettext(text)

    def shot(self, label):
        self.shots += 1
        path = os.path.join(self.args.artifacts, "survey-%s-%02d-%s.png" % (self.args.lang, self.shots, label))
        subprocess.run(["import", "-window", "root", path], check=False)

    def query(self, sql):
        db = sqlite3.connect("file:%s?mode=ro" % self.args.db, uri=True)
        try:
            return db.execute(sql).fetchall()
        finally:
            db.close()

    def about(self):
        return self.page("RahnumaAboutPage")

    def big_enough(self, node, what):
        box = node.get_extents(Atspi.CoordType.WINDOW)
        check(box.width >= MIN_TARGET and box.height >= MIN_TARGET,
              "%s is %d×%d px, under %d px" % (what, box.width, box.height, MIN_TARGET))

    def press(self, name, role=BUTTON):
        node = self.labelled(self.about(), role, name)
        self.big_enough(node, "“%s”" % name)
        node.do_action(0)
        time.sleep(0.4)

    def question(self, text, label):
        """Waits for the question @text, checks it and takes its screenshot."""
        page = self.about()
        self.labelled(page, LABEL, self._(text))
        self.big_enough(self.labelled(page, BUTTON, self._("Prefer not to say")), "Prefer not to say")
        self.big_enough(self.labelled(page, BUTTON, self._("Skip all")), "Skip all")
        self.shot(label)

    def clips(self, name):
        """How many times the kiosk has played the clip @name (its file name)."""
        with open(self.log_path, encoding="utf-8") as f:
            return len([line for line in f if "Playing clip " in line and line.rstrip().endswith("/" + name)])

    def type_amount(self, digits, shown):
        for digit in digits:
            # 2 to 9 are said with the code symbols' clips, 0 and 1 with their own.
            clip = ("symbol-%s.ogg" if digit in "23456789" else "digit-%s.ogg") % digit
            before = self.clips(clip)
            self.press(digit)
            deadline = time.monotonic() + 5
            while self.clips(clip) <= before and time.monotonic() < deadline:
                time.sleep(0.1)
            check(self.clips(clip) > before, "tapping %s on the pad did not play %s" % (digit, clip))
        # The amount is a status line (read out as it changes), not a plain label.
        self.inside(self.about(), lambda n: n.get_name() == shown, "the amount “%s”" % shown)
        self.shot("amount-" + digits)
        self.press(self._("OK"))

    # --- the visits -----------------------------------------------------------------
    def start_visit(self):
        self.button("Start").do_action(0)
        self.button(LANGUAGE_NAMES[self.args.lang]).do_action(0)
        self.choose_path()
        page = self.about()
        self.labelled(page, LABEL, self._("About you"))
        self.labelled(page, LABEL,
                      self._("You may skip any question. Your answers are not linked to your name or your code."))
        self.check_edge(self.labelled(page, BUTTON, self._("Home")), "start", self.rtl,
                        "Home, at the start of the title row")

    def answer_everything(self):
        self.start_visit()
        self.question("Are you a woman or a man?", "gender")
        self.press(self._("Woman"))
        self.question("Which country are you going to?", "destination")
        self.press(self._("Qatar"))
        self.question("What kind of work will you do?", "sector")
        self.press(self._("Driving"))
        self.question("How did you find this job?", "found")
        self.press(self._("A sub-agent"))
        self.question("How much have you paid so far to get this job? Count every fee and payment, in rupees.",
                      "cost")
        self.labelled(self.about(), BUTTON, self._("I don’t know"))
        self.type_amount("450400", self.tr.gettext("Rs %s").replace("%s", "450,400"))
        self.question("Were you given a receipt for what you paid?", "receipt")
        self.press(self._("No"))
        self.question("Did you borrow money to pay for it?", "borrowed")
        self.press(self._("Yes"))
        self.question("What monthly wage does your contract say? Choose the money, then type the amount.", "wage")
        # GTK 4.8 shows a toggle button as a push button, "pressed" when on.
        first = self.labelled(self.about(), BUTTON, self._("Qatari riyals"))
        rupees = self.labelled(self.about(), BUTTON, self._("Pakistani rupees"))
        check(first.get_state_set().contains(Atspi.StateType.PRESSED), "the destination's currency is not chosen")
        check(not rupees.get_state_set().contains(Atspi.StateType.PRESSED), "rupees are chosen too")
        above = first.get_extents(Atspi.CoordType.WINDOW).y < rupees.get_extents(Atspi.CoordType.WINDOW).y
        check(above, "the destination's currency is not offered first, above rupees")
        self.type_amount("1800", "1,800 QAR")
        self.page("RahnumaLessonsPage")
        self.shot("lessons")

    def skip(self):
        self.labelled(self.page("RahnumaLessonsPage"), BUTTON, self._("Home")).do_action(0)
        self.start_visit()
        self.question("Are you a woman or a man?", "gender-again")
        self.press(self._("Prefer not to say"))
        self.question("Which country are you going to?", "destination-again")
        self.press(self._("Skip all"))
        self.page("RahnumaLessonsPage")

    def visits(self, proc):
        self.answer_everything()
        self.skip()
        time.sleep(1)

    def check_journal(self):
        sessions = self.query("SELECT gender, destination, sector FROM session ORDER BY rev")
        check(sessions[0] == ("woman", "QA", "driving"), "the first visit's categories: %s" % (sessions[0],))
        check(sessions[1] == ("unsaid", "unsaid", "unsaid"), "the skipped visit's categories: %s" % (sessions[1],))
        rows = self.query("SELECT destination, sector, found_via, cost_answer, cost_pkr, receipt, borrowed,"
                          " wage_answer, wage_amount, wage_currency, demo FROM survey")
        check(rows == [("QA", "driving", "sub-agent", "amount", 450000, "no", "yes", "amount", 1800, "QAR", 0)],
              "the survey rows: %s" % rows)

    def run(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.args.db + suffix):
                os.remove(self.args.db + suffix)
        with tempfile.TemporaryDirectory() as config:
            settings = os.path.join(config, "glib-2.0", "settings")
            os.makedirs(settings)
            with open(os.path.join(settings, "keyfile"), "w") as f:
                other = "ur" if self.args.lang == "en" else "en"
                f.write("[org/rahnuma/Kiosk]\nabout-you=true\nlanguages=['%s', '%s']\n" % (self.args.lang, other))
            # rahnuma-sound's debug lines name each clip played (self.clips()).
            env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0", LANGUAGE="",
                       GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config, G_MESSAGES_DEBUG="rahnuma-sound")
            run_kiosk([self.args.binary, "--modules", self.args.modules, "--db", self.args.db], env, self.visits,
                      log=self.log_path)
        self.check_journal()


def main():
    parser = argparse.ArgumentParser()
    for option in ("binary", "localedir", "modules", "lang", "db", "artifacts"):
        parser.add_argument("--" + option, required=True)
    Survey(parser.parse_args()).run()


if __name__ == "__main__":
    main()
