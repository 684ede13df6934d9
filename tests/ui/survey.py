#!/usr/bin/env python3
"""The "about you" step, by touch (issue 19): the kiosk in kiosk mode (full
screen) with the step turned on (the "about-you" setting), in several
languages in one start (--langs, e.g. "en,ps"): in each language a visitor
answers every question and another skips them.

For languages A and B the visits are: every answer given in A with the
pictures and the number pad (a country, a sector, what was paid, the wage
in the destination's currency, offered first); "Prefer not to say", then
"Skip all", in B; every question answered in B with other answers ("I don't
know" what was paid, "Prefer not to say" to the receipt, another
destination and so another currency first); skipped in A. The journal then
holds exactly those answers: the gender on each visit; destination,
sector and the rest in a survey row of its own per answered visit (schema 6:
the two tables share no column but their ids and demo flag), the cost rounded.
Checked on the way: every answer and pad key is at least 64 px, each digit
tapped is heard (its clip played), each answer touched is said (its prompt,
after which the next question; rahnuma-window's "Saying" lines), a currency
touched says its name, which is its button's accessible name in the
visitor's language and follows the wage typed (no ISO code), what was paid
is read back digit by digit with "rupees" after OK, Home is at the start of the title row
for the language's direction, the words come from po/<lang>.po. A
screenshot of each question goes to --artifacts.

Each touch waits for its button to take touches (the page is insensitive
while a visit step is being committed), and a new visit starts only once
the last one's end is committed and its pages gone: a visitor touching
faster than the journal's disk must not find a page that ignores them.
"""
import argparse
import os
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


# What each answered visit says, in the order of the languages: the first
# types both amounts; the second does not know what it paid, would rather
# not say whether it got a receipt, and types a short wage.
PLANS = [
    {"gender": "Woman", "destination": "Qatar", "sector": "Driving", "found": "A sub-agent",
     "cost": ("450400", "450,400"), "receipt": "No", "borrowed": "Yes",
     "currency": ("Qatari riyals", "QAR"), "wage": ("1800", "1,800"),
     "session": ("woman",),
     "row": ("QA", "driving", "sub-agent", "amount", 450000, "no", "yes", "amount", 1800, "QAR", 0)},
    {"gender": "Man", "destination": "Saudi Arabia", "sector": "Construction", "found": "A licensed promoter (OEP)",
     "cost": None, "receipt": "Prefer not to say", "borrowed": "No",
     "currency": ("Saudi riyals", "SAR"), "wage": ("900", "900"),
     "session": ("man",),
     "row": ("SA", "construction", "promoter", "unknown", None, "unsaid", "no", "amount", 900, "SAR", 0)},
]
SKIPPED = ("unsaid",)


class Survey(KioskScreen):
    def __init__(self, args):
        self.args = args
        self.langs = args.langs.split(",")
        check(len(self.langs) <= len(PLANS), "at most %d languages in one start" % len(PLANS))
        self.shots = 0
        os.makedirs(args.artifacts, exist_ok=True)
        self.log_path = os.path.join(args.artifacts, "survey-%s-kiosk.log" % "-".join(self.langs))
        self.set_lang(self.langs[0])

    def set_lang(self, lang):
        self.lang = lang
        self.tr = Translations(SOURCE_DIR, lang)
        self.rtl = lang in RTL

    def _(self, text):
        return self.tr.gettext(text)

    def shot(self, label):
        self.shots += 1
        path = os.path.join(self.args.artifacts, "survey-%s-%02d-%s.png" % (self.lang, self.shots, label))
        subprocess.run(["import", "-window", "root", path], check=False)

    def about(self):
        return self.page("RahnumaAboutPage")

    def big_enough(self, node, what):
        box = node.get_extents(Atspi.CoordType.WINDOW)
        check(box.width >= MIN_TARGET and box.height >= MIN_TARGET,
              "%s is %d×%d px, under %d px" % (what, box.width, box.height, MIN_TARGET))

    def touch(self, root, name, role=BUTTON):
        """Touches the control @name under @root once it takes touches (GTK
        ignores an action on an insensitive button, as while a step commits)."""
        node = self.inside(root, lambda n: n.get_role() == role and n.get_name() == name
                           and n.get_state_set().contains(Atspi.StateType.SENSITIVE),
                           "%s “%s”, taking touches" % (Atspi.role_get_name(role), name))
        self.big_enough(node, "“%s”" % name)
        check(node.do_action(0), "touching “%s” did nothing" % name)
        return node

    def press(self, name, role=BUTTON):
        self.touch(self.about(), name, role)
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

    def log_length(self):
        with open(self.log_path, encoding="utf-8") as f:
            return len(f.readlines())

    def sayings(self, since):
        """What the kiosk was asked to say after line @since of its log, in
        order (rahnuma-window's "Saying" lines: a prompt by its file, a digit
        as "a digit" or "a code symbol")."""
        with open(self.log_path, encoding="utf-8") as f:
            lines = f.readlines()[since:]
        return [line.rstrip().split("Saying ", 1)[1] for line in lines if "Saying " in line]

    def said_after(self, since, prompts, what):
        """Waits until the kiosk, after log line @since, has said @prompts
        (clip names, "digit" for a digit or code symbol) in this order, one
        right after the other."""
        def names():
            return ["digit" if s in ("a digit", "a code symbol") else os.path.basename(s)[:-len(".ogg")]
                    for s in self.sayings(since)]
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            said = names()
            if any(said[i:i + len(prompts)] == prompts for i in range(len(said))):
                return
            time.sleep(0.2)
        check(False, "%s: the kiosk did not say %s; it said %s" % (what, prompts, names()))

    def press_said(self, name, prompt, then=None):
        """Touches the answer @name and checks the kiosk says @prompt (then
        the next question's @then, if given)."""
        since = self.log_length()
        self.press(name)
        self.said_after(since, [prompt] + ([then] if then else []), "touching “%s”" % name)

    def type_amount(self, digits, shown, read_back=None, listen=None):
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
        if listen is not None:
            # Listen says the question (@listen[0]), then reads back what was
            # typed, digit by digit, and its currency (@listen[1]).
            since = self.log_length()
            self.press(self._("Listen"))
            self.said_after(since, [listen[0]] + ["digit"] * len(digits) + [listen[1]], "Listen after %s" % digits)
        since = self.log_length()
        self.press(self._("OK"))
        if read_back is not None:
            # Read back with the digit clips, then the currency, then the next question.
            self.said_after(since, ["digit"] * len(digits) + read_back, "OK after %s" % digits)

    # --- the visits -----------------------------------------------------------------
    def start_visit(self, lang):
        """From the welcome screen, in @lang, to the first question."""
        self.set_lang("en")
        self.button("Start").do_action(0)
        self.set_lang(lang)
        self.button(LANGUAGE_NAMES[lang]).do_action(0)
        self.choose_path()
        page = self.about()
        self.labelled(page, LABEL, self._("About you"))
        self.labelled(page, LABEL,
                      self._("You may skip any question. Your answers are not linked to your name or your code."))
        self.check_edge(self.labelled(page, BUTTON, self._("Home")), "start", self.rtl,
                        "Home, at the start of the title row")

    def end_visit(self):
        """Home on the lessons page, and "Yes, start again" to the question
        it asks; back once the visit's end is committed and its pages are
        gone (a language touched before then is ignored: the last visit is
        still open)."""
        self.touch(self.page("RahnumaLessonsPage"), self._("Home"))
        self.answer_home(yes=True)
        deadline = time.monotonic() + self.timeout
        while self.first(lambda n: n.get_role() == Atspi.Role.FILLER and n.get_name() == "RahnumaLessonsPage"):
            check(time.monotonic() < deadline, "the lessons page stayed %d s after Home" % self.timeout)
            time.sleep(0.2)

    def answer_wage(self, plan):
        self.question("What monthly wage does your contract say? Choose the money, then type the amount.", "wage")
        # GTK 4.8 shows a toggle button as a push button, "pressed" when on;
        # its accessible name is the currency's name in the visitor's language.
        name, code = plan["currency"]
        first = self.labelled(self.about(), BUTTON, self._(name))
        rupees = self.labelled(self.about(), BUTTON, self._("Pakistani rupees"))
        check(first.get_state_set().contains(Atspi.StateType.PRESSED), "the destination's currency is not chosen")
        check(not rupees.get_state_set().contains(Atspi.StateType.PRESSED), "rupees are chosen too")
        above = first.get_extents(Atspi.CoordType.WINDOW).y < rupees.get_extents(Atspi.CoordType.WINDOW).y
        check(above, "the destination's currency is not offered first, above rupees")
        check(not self.every(lambda n: code in (n.get_name() or ""), self.about()),
              "the ISO code %s is on the wage's screen" % code)
        # A currency touched says its name; the wage stays in the destination's.
        self.press_said(self._("Pakistani rupees"), "currency-PKR")
        self.press_said(self._(name), "currency-" + code)
        digits, grouped = plan["wage"]
        self.type_amount(digits, "%s %s" % (grouped, self._(name)), listen=("about-wage", "currency-" + code))

    def answer_everything(self, lang, plan):
        self.start_visit(lang)
        self.question("Are you a woman or a man?", "gender")
        self.press_said(self._(plan["gender"]), "about-" + plan["session"][0], "about-destination")
        self.question("Which country are you going to?", "destination")
        self.press(self._(plan["destination"]))
        self.question("What kind of work will you do?", "sector")
        self.press_said(self._(plan["sector"]), "about-sector-" + plan["row"][1], "about-found")
        self.question("How did you find this job?", "found")
        self.press(self._(plan["found"]))
        self.question("How much have you paid so far to get this job? Count every fee and payment, in rupees.",
                      "cost")
        self.labelled(self.about(), BUTTON, self._("I don’t know"))
        if plan["cost"] is None:
            self.press_said(self._("I don’t know"), "about-unknown", "about-receipt")
        else:
            self.type_amount(plan["cost"][0], self.tr.gettext("Rs %s").replace("%s", plan["cost"][1]),
                             read_back=["currency-PKR", "about-receipt"])
        self.question("Were you given a receipt for what you paid?", "receipt")
        receipt = plan["row"][5]
        self.press_said(self._(plan["receipt"]), "about-" + receipt, "about-borrowed")
        self.question("Did you borrow money to pay for it?", "borrowed")
        self.press(self._(plan["borrowed"]))
        self.answer_wage(plan)
        self.page("RahnumaLessonsPage")
        self.shot("lessons")
        self.end_visit()

    def skip(self, lang):
        self.start_visit(lang)
        self.question("Are you a woman or a man?", "gender-again")
        self.press_said(self._("Prefer not to say"), "about-unsaid", "about-destination")
        self.question("Which country are you going to?", "destination-again")
        self.press(self._("Skip all"))
        self.page("RahnumaLessonsPage")
        self.end_visit()

    def visits(self, proc):
        """Each language answers, then the next one skips (the last: the first)."""
        for i, lang in enumerate(self.langs):
            self.answer_everything(lang, PLANS[i])
            self.skip(self.langs[(i + 1) % len(self.langs)])

    def check_journal(self):
        sessions = self.query("SELECT gender FROM session ORDER BY rev")
        expected = [v for plan in PLANS[:len(self.langs)] for v in (plan["session"], SKIPPED)]
        check(sessions == expected, "the visits' genders: %s, not %s" % (sessions, expected))
        # Destination and sector live only in the survey row (schema 6).
        shared = self.query("SELECT s.name FROM pragma_table_info ('session') s"
                            " JOIN pragma_table_info ('survey') v ON v.name = s.name ORDER BY 1")
        check(shared == [("demo",), ("id",)], "columns the visit shares with the survey: %s" % shared)
        # Survey rows come in the order of their random ids, not of the visits.
        rows = self.query("SELECT destination, sector, found_via, cost_answer, cost_pkr, receipt, borrowed,"
                          " wage_answer, wage_amount, wage_currency, demo FROM survey")
        expected = [plan["row"] for plan in PLANS[:len(self.langs)]]
        check(sorted(rows, key=repr) == sorted(expected, key=repr), "the survey rows: %s, not %s" % (rows, expected))

    def run(self):
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.args.db + suffix):
                os.remove(self.args.db + suffix)
        languages = self.langs + (["ur" if self.langs[0] == "en" else "en"] if len(self.langs) == 1 else [])
        with tempfile.TemporaryDirectory() as config:
            settings = os.path.join(config, "glib-2.0", "settings")
            os.makedirs(settings)
            with open(os.path.join(settings, "keyfile"), "w") as f:
                f.write("[org/rahnuma/Kiosk]\nabout-you=true\nlanguages=%r\n" % languages)
            # rahnuma-sound's debug lines name each clip played (self.clips()),
            # rahnuma-window's each clip asked for (self.sayings()).
            env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0", LANGUAGE="",
                       GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config, G_MESSAGES_DEBUG="rahnuma-sound rahnuma-window")
            run_kiosk([self.args.binary, "--modules", self.args.modules, "--db", self.args.db], env, self.visits,
                      log=self.log_path)
        self.check_journal()


def main():
    parser = argparse.ArgumentParser()
    for option in ("binary", "localedir", "modules", "langs", "db", "artifacts"):
        parser.add_argument("--" + option, required=True)
    Survey(parser.parse_args()).run()


if __name__ == "__main__":
    main()
