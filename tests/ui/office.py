#!/usr/bin/python3
"""rahnuma-officer on the office PC, through AT-SPI, the keyboard and the pointer.

Makes three kiosk journals with `rahnuma-admin simulate` (two kiosks of one
centre, one of another) and syncs them into one officers' file with
`rahnuma-admin sync`, as the kiosks would. Then starts the real
`rahnuma-officer FILE` and checks, as an officer sees them:

 - the Kiosks tab: each centre and each kiosk with its counts of visitors,
   completed and left early (counted here with sqlite3 from the kiosks' own
   journals, not from the officers' file), and a row for each of the three
   journals synced in;
 - a completion code from the second kiosk, typed on the keyboard, is found;
 - the Charts tab's hall briefings, with no share of nobody when no hall
   session was recorded;
 - the Charts tab's survey table (issue 19): its heading, short column heads
   on at most two lines (the long words as a description), the count of
   every survey answer synced in and cost ÷ monthly wage over them, median
   (Q1–Q3), worked out here with sqlite3 from the officers' file and the
   rates.ini written beside it (which rahnuma-officer reads by default), and
   the caption with the rates' date and the answers left out for want of a
   rate; scrolled into view and saved as
   --survey-screenshot (the README's docs/screenshots/survey-dashboard-en.png);
 - the CSV and PDF reports are saved through the desktop's file chooser,
   the CSV with visits of all three kiosks;
 - afterwards the officers' file's bytes and mtime are exactly as before:
   the office PC never writes to it.

A damaged file (the officers' file with its header overwritten), one from
a newer version (a higher user_version) and one locked by a sync (an
exclusive lock held by the test) each show the message that says so, and
are left as they were; the next start without a file
opens the last good one.

With --survey-screenshot-ur, rahnuma-officer starts once more in Urdu: the
survey's table runs right to left (the row's name right of its figures),
saved there (docs/screenshots/survey-dashboard-ur.png).

Usage: office.py --binary B --admin A --dir D [--screenshot PNG] [--survey-screenshot PNG]
       [--survey-screenshot-ur PNG]
"""
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

from expected import Translations  # noqa: E402
from kiosk_screen import TIMEOUT, KioskScreen, check, parse_options, run_kiosk  # noqa: E402

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# (centre, kiosk, sessions, seed)
KIOSKS = [("LHE-POE", "k-one", 40, 1), ("LHE-POE", "k-two", 25, 2), ("ISB-POE", "k-three", 30, 3)]
NEWER = "“%s” was made by a newer version of Rahnuma. Nothing in it was changed. Update Rahnuma on this computer to open it."
LOCKED = ("A kiosk is copying its records into “%s” right now. Nothing in it was changed. Wait a minute, then "
          "open it again.")
DAMAGED = ("“%s” is damaged and cannot be read. Nothing in it was changed. Sync the kiosks into a new "
           "officers’ file, or ask the technician for a backup.")


def fingerprint(path):
    """The file's bytes (SHA-256) and its modification time in ns."""
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return digest, os.stat(path).st_mtime_ns


# Rupees for one unit (made up for the test; no GBP).
RATES = {"SAR": 75, "AED": 76, "OMR": 725, "QAR": 77, "KWD": 905, "BHD": 740, "MYR": 60, "USD": 280, "EUR": 300}


def quantile(values, p):
    """Hyndman and Fan's type 7, as docs/survey-data.md says: between closest ranks."""
    h = (len(values) - 1) * p
    low = int(h)
    high = min(low + 1, len(values) - 1)
    return values[low] + (h - low) * (values[high] - values[low])


def expected_ratio(db):
    """Cost ÷ monthly wage over all answers, as the dashboard writes it, and how many had no rate."""
    ratios, no_rate = [], 0
    rows = db.execute("SELECT cost_pkr, wage_amount, wage_currency FROM survey "
                      "WHERE cost_answer = 'amount' AND wage_answer = 'amount'")
    for cost, wage, currency in rows:
        rate = 1 if currency == "PKR" else RATES.get(currency)
        if rate is None:
            no_rate += 1
        else:
            ratios.append(cost / (wage * rate))
    ratios.sort()
    text = "%.1f (%.1f–%.1f)" % (quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75))
    return text, no_rate


def read_only(path):
    """A sqlite3 connection that cannot change @path (immutable: not even a lock)."""
    return sqlite3.connect("file:%s?mode=ro&immutable=1" % path, uri=True)


class Office(KioskScreen):
    def __init__(self, args):
        self.args = args
        self.officers = os.path.join(args.dir, "officers.db")
        self.env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0", G_DEBUG="fatal-criticals",
                        XDG_CONFIG_HOME=os.path.join(args.dir, "config"), LANGUAGE="en")

    def app(self):
        """This run's rahnuma-officer: an earlier run's may still be listed on the bus."""
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            try:
                if child is not None and child.get_name() == "rahnuma-officer" and child.get_process_id() == self.pid:
                    return child
            except GLib.Error:
                continue  # gone
        return None

    def on_failure(self):
        self.shot(os.path.join(self.args.dir, "office-failure.png"))

    def shot(self, path):
        subprocess.run(["import", "-window", "root", path], check=False)

    def shot_window(self, path):
        """The officer's window alone: the largest X window of its process."""
        ids = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(self.pid)],
                             capture_output=True, text=True).stdout.split()
        sizes = []
        for xid in ids:
            out = subprocess.run(["xdotool", "getwindowgeometry", "--shell", xid], capture_output=True, text=True)
            values = dict(line.split("=", 1) for line in out.stdout.split())
            sizes.append((int(values["WIDTH"]) * int(values["HEIGHT"]), values))
        check(sizes, "no window of rahnuma-officer on the display")
        g = max(sizes, key=lambda size: size[0])[1]
        subprocess.run(["import", "-window", "root", "-crop", "%sx%s+%s+%s" % (g["WIDTH"], g["HEIGHT"], g["X"], g["Y"]),
                        "+repage", path], check=False)

    def named(self, name, role=None, timeout=TIMEOUT):
        def match(node):
            return node.get_name() == name and (role is None or node.get_role() == role)
        return self.find(match, "“%s”" % name, timeout)

    def starting(self, prefix, what):
        return self.find(lambda n: n.get_role() == Atspi.Role.LABEL and (n.get_name() or "").startswith(prefix), what)

    def tab(self, name):
        def match(node):
            return node.get_name() == name and node.get_role() != Atspi.Role.LABEL and node.get_n_actions() > 0
        self.find(match, "tab “%s”" % name).do_action(0)
        time.sleep(0.5)

    # --- the files --------------------------------------------------------------
    def make_files(self):
        shutil.rmtree(self.args.dir, ignore_errors=True)
        os.makedirs(self.args.dir)
        self.expected = {}
        for centre, kiosk, sessions, seed in KIOSKS:
            journal = os.path.join(self.args.dir, kiosk + ".db")
            subprocess.run([self.args.admin, "simulate", "--db", journal, "--sessions", str(sessions),
                            "--kiosk", kiosk, "--centre", centre, "--seed", str(seed)],
                           check=True, capture_output=True)
            subprocess.run([self.args.admin, "sync", "--from", journal, "--to", self.officers],
                           check=True, capture_output=True)
            db = read_only(journal)
            self.expected[(centre, kiosk)] = db.execute(
                "SELECT count(*), sum(state = 'completed'), sum(state = 'abandoned') FROM session").fetchone()
            if kiosk == "k-two":
                (self.code,) = db.execute("SELECT code FROM session WHERE code IS NOT NULL LIMIT 1").fetchone()
            db.close()
        # The statistics office's rates file, where rahnuma-officer looks by default: beside the
        # officers' file. No GBP line, so that answers with wages in pounds are left out and counted.
        with open(os.path.join(self.args.dir, "rates.ini"), "w", encoding="utf-8") as f:
            f.write("[rates]\ndate=2026-11-01\nsource=made up for the test, not real rates\n")
            f.write("".join("%s=%s\n" % rate for rate in RATES.items()))
        db = read_only(self.officers)
        self.journals = [row[0] for row in db.execute("SELECT journal_id FROM sync_source")]
        db.close()
        check(len(self.journals) == 3, "three journals synced: %s" % self.journals)

    # --- what the officer sees --------------------------------------------------
    def row_subtitle(self, title):
        """The subtitle of the row titled @title: the other label beside its title."""
        label = self.named(title, Atspi.Role.LABEL)
        box = label.get_parent()
        others = [box.get_child_at_index(i).get_name() for i in range(box.get_child_count())]
        others = [name for name in others if name and name != title]
        check(len(others) == 1, "the row “%s” holds %s" % (title, others))
        return others[0]

    def expect_kiosks(self):
        self.tab("Kiosks")
        centres = {}
        for (centre, kiosk), (n, completed, abandoned) in self.expected.items():
            words = "%d visitors, %d completed, %d left early; newest visit " % (n, completed, abandoned)
            subtitle = self.row_subtitle("%s, kiosk %s" % (centre, kiosk))
            check(subtitle.startswith(words), "kiosk %s: shown “%s”, expected “%s…”" % (kiosk, subtitle, words))
            total = centres.setdefault(centre, [0, 0, 0])
            for i, value in enumerate((n, completed, abandoned)):
                total[i] += value
        for centre, (n, completed, abandoned) in centres.items():
            words = "%d visitors, %d completed, %d left early; newest visit " % (n, completed, abandoned)
            subtitle = self.row_subtitle(centre)
            check(subtitle.startswith(words), "centre %s: shown “%s”, expected “%s…”" % (centre, subtitle, words))
        for journal in self.journals:
            subtitle = self.row_subtitle("Kiosk journal %s" % journal[:8])
            check(subtitle.startswith("Last sync 20"), "journal %s: “%s”" % (journal, subtitle))

    def survey(self):
        """The survey's table on the Charts tab, below the charts, with cost ÷ wage from rates.ini."""
        db = read_only(self.officers)
        (n,) = db.execute("SELECT count(*) FROM survey").fetchone()
        ratio, no_rate = expected_ratio(db)
        self.ratio = ratio
        db.close()
        check(n >= 5, "simulate made %d survey answers: too few to be shown" % n)
        self.tab("Charts")
        heading = self.named("Recruitment costs, from the anonymous survey", Atspi.Role.LABEL)
        # Short heads on one or two lines (the last one wrapped to seven in a 576 px column), the
        # long words of the last one as its tooltip and accessible description.
        head = self.named("Cost ÷ wage, in months", Atspi.Role.LABEL)
        explained = "Cost ÷ monthly wage, in months: median (Q1–Q3)"
        check(head.get_description() == explained, "the last column's head is described “%s”, expected “%s”"
              % (head.get_description(), explained))
        line = self.named("Answers", Atspi.Role.LABEL).get_extents(Atspi.CoordType.WINDOW).height
        for name in ("Paid anything", "Median paid", "Cost ÷ wage, in months"):
            height = self.named(name, Atspi.Role.LABEL).get_extents(Atspi.CoordType.WINDOW).height
            check(height <= 2 * line + 2, "the head “%s” takes %d px, more than two lines of %d" % (name, height, line))
        # No hall session in these files: the short-path visits without a share of nobody ("(— of them)").
        hall = self.starting("Hall sessions: ", "the hall briefings")
        check("—" not in hall.get_name(), "the hall briefings say “%s”" % hall.get_name())
        # The first label with the figure's words is the row of all answers (the table's first row).
        shown = self.starting(ratio.split(" (")[0] + " (", "cost ÷ wage of all answers, %s" % ratio)
        check(shown.get_name() == ratio, "cost ÷ wage of all answers: shown “%s”, expected “%s”"
              % (shown.get_name(), ratio))
        # The figure's words sit over its box in a column of their own, in the table.
        table = shown.get_parent().get_parent()
        counts = self.every(lambda node: node.get_name() == str(n), root=table)
        check(counts, "the count of answers %d is not in the survey's table" % n)
        # The width the window gives (1000 px here), not a 600 px column: seven columns fit.
        width = table.get_extents(Atspi.CoordType.WINDOW).width
        check(width > 700, "the survey's table is %d px wide in a window of 1000" % width)
        notes = self.starting("Pre-departure estimate: ", "the caption of cost ÷ wage")
        words = "Exchange rates of 2026-11-01 (made up for the test, not real rates)."
        check(words in notes.get_name(), "the caption “%s” lacks “%s”" % (notes.get_name(), words))
        left_out = "%d answer%s left out: no rate for" % (no_rate, "" if no_rate == 1 else "s")
        check(no_rate == 0 or left_out in notes.get_name(), "the caption lacks “%s”" % left_out)
        # The notes are above the table now: scrolled until the heading is near the top, the table under it.
        self.scroll_to(heading, None)
        if self.args.survey_screenshot:
            self.shot_window(self.args.survey_screenshot)

    def scroll_to(self, heading, last):
        """Scrolled down with the mouse wheel, as an officer would, until @last (if any) shows or
        @heading is near the top."""
        window = self.app().get_child_at_index(0).get_extents(Atspi.CoordType.WINDOW)
        for _ in range(60):
            box = last.get_extents(Atspi.CoordType.WINDOW) if last is not None else None
            top = heading.get_extents(Atspi.CoordType.WINDOW).y
            if (box is not None and box.y + box.height + 16 <= window.height) or (0 < top < 120):
                break
            subprocess.run(["xdotool", "mousemove", str(window.width // 2), str(window.height // 2),
                            "click", "5"], check=True)
            time.sleep(0.1)
        time.sleep(0.5)

    def survey_urdu(self, proc):
        """In Urdu the survey's table runs right to left: a row's name right of its figures."""
        self.pid = proc.pid
        ur = Translations(SOURCE_DIR, "ur")
        self.named(ur.gettext("Today at a glance"), Atspi.Role.LABEL, timeout=60)
        self.tab(ur.gettext("Charts"))
        heading = self.named(ur.gettext("Recruitment costs, from the anonymous survey"), Atspi.Role.LABEL)
        name = self.named(ur.gettext("All answers"), Atspi.Role.LABEL)
        ratio = self.starting(self.ratio.split(" (")[0] + " (", "cost ÷ wage of all answers in Urdu")
        self.scroll_to(heading, None)
        left = ratio.get_extents(Atspi.CoordType.WINDOW).x
        check(name.get_extents(Atspi.CoordType.WINDOW).x > left,
              "in Urdu, “%s” is not right of its figures" % name.get_name())
        self.shot_window(self.args.survey_screenshot_ur)

    def verify_code(self):
        """Typed on the keyboard, as an officer at a desk does."""
        self.tab("Today")
        entry = self.named("Completion code", Atspi.Role.TEXT)
        # A click into it, as with a mouse (no window manager: window coordinates are the screen's).
        box = entry.get_extents(Atspi.CoordType.WINDOW)
        subprocess.run(["xdotool", "mousemove", str(box.x + box.width // 2), str(box.y + box.height // 2),
                        "click", "1"], check=True)
        time.sleep(0.3)
        subprocess.run(["xdotool", "type", "--delay", "30", self.code.lower()], check=True)
        subprocess.run(["xdotool", "key", "Return"], check=True)
        self.named(self.code)
        # The office's files here are simulated visits: the dashboard finds
        # the code and says it proves nothing, as `rahnuma-admin verify` does.
        self.named("Not a real visit: this code comes from demo data (simulated visits).", Atspi.Role.LABEL)

    def save_reports(self):
        """Both reports through the desktop's file chooser, a full path typed into its name field."""
        self.tab("Reports")
        for i, (name, title) in enumerate((("report.csv", "Save the spreadsheet to"),
                                           ("report.pdf", "Save the printable report to"))):
            buttons = []
            deadline = time.monotonic() + TIMEOUT
            while len(buttons) < 2 and time.monotonic() < deadline:
                buttons = self.every(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == "Save…")
                time.sleep(0.2)
            check(len(buttons) == 2, "two “Save…” buttons on the Reports tab: %d" % len(buttons))
            buttons[i].do_action(0)
            # The chooser opens with its name field focused, the suggested name in it.
            found = subprocess.run(["timeout", str(TIMEOUT), "xdotool", "search", "--sync", "--name", title],
                                   capture_output=True)
            check(found.returncode == 0, "no file chooser titled “%s…”" % title)
            time.sleep(1)
            subprocess.run(["xdotool", "key", "ctrl+a", "BackSpace"], check=True)
            subprocess.run(["xdotool", "type", "--delay", "20", os.path.join(self.args.dir, name)], check=True)
            subprocess.run(["xdotool", "key", "Return"], check=True)
            path = os.path.join(self.args.dir, name)
            deadline = time.monotonic() + TIMEOUT
            while not os.path.exists(path) and time.monotonic() < deadline:
                time.sleep(0.2)
            check(os.path.exists(path), "%s was not saved" % name)
        time.sleep(1)
        with open(os.path.join(self.args.dir, "report.csv"), encoding="utf-8") as f:
            rows = f.read().splitlines()
        check(rows[0].startswith("code,"), "the CSV's header: %s" % rows[:1])
        for _centre, kiosk, _n, _seed in KIOSKS:
            check(any('"%s"' % kiosk in row for row in rows[1:]), "no visit of kiosk %s in the CSV" % kiosk)
        with open(os.path.join(self.args.dir, "report.pdf"), "rb") as f:
            check(f.read(5) == b"%PDF-", "the PDF is not a PDF")

    def dashboard(self, proc):
        self.pid = proc.pid
        self.named("Today at a glance", Atspi.Role.LABEL, timeout=60)
        self.expect_kiosks()
        if self.args.screenshot:
            self.shot(self.args.screenshot)
        self.survey()
        self.verify_code()
        self.save_reports()

    def damaged(self, proc):
        self.pid = proc.pid
        self.named("The officers’ file could not be opened", timeout=60)
        self.starting(DAMAGED % self.broken, "the message that the file is damaged")

    def busy(self, proc):
        self.pid = proc.pid
        self.named("The officers’ file could not be opened", timeout=60)
        self.starting(LOCKED % self.locked, "the message that a sync is writing the file")

    def newer(self, proc):
        self.pid = proc.pid
        self.named("The officers’ file could not be opened", timeout=60)
        self.starting(NEWER % self.future, "the message that the file is from a newer version")

    def last_file(self, proc):
        self.pid = proc.pid
        self.named("Today at a glance", Atspi.Role.LABEL, timeout=60)
        self.tab("Kiosks")
        self.named(self.officers, Atspi.Role.LABEL)

    def run(self):
        self.make_files()
        before = fingerprint(self.officers)
        run_kiosk([self.args.binary, self.officers], self.env, self.dashboard)
        if self.args.survey_screenshot_ur:
            run_kiosk([self.args.binary, self.officers], dict(self.env, LANGUAGE="ur"), self.survey_urdu)
        check(fingerprint(self.officers) == before, "the officers' file changed: %s → %s"
              % (before, fingerprint(self.officers)))

        self.broken = os.path.join(self.args.dir, "broken.db")
        with open(self.officers, "rb") as f:
            data = bytearray(f.read())
        data[0:100] = b"\x5a" * 100  # no SQLite header any more
        with open(self.broken, "wb") as f:
            f.write(data)
        broken_before = fingerprint(self.broken)
        run_kiosk([self.args.binary, self.broken], self.env, self.damaged)
        check(fingerprint(self.broken) == broken_before, "the damaged file changed")
        # A file from a later version of Rahnuma (a higher user_version).
        self.future = os.path.join(self.args.dir, "future.db")
        shutil.copyfile(self.officers, self.future)
        db = sqlite3.connect(self.future)
        db.execute("PRAGMA user_version = 999")
        db.close()
        future_before = fingerprint(self.future)
        run_kiosk([self.args.binary, self.future], self.env, self.newer)
        check(fingerprint(self.future) == future_before, "the newer file changed")
        # Locked by a sync (an exclusive lock held here, as a sync's commit holds it).
        self.locked = os.path.join(self.args.dir, "locked.db")
        shutil.copyfile(self.officers, self.locked)
        locked_before = fingerprint(self.locked)
        holder = sqlite3.connect(self.locked, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        run_kiosk([self.args.binary, self.locked], self.env, self.busy)
        holder.execute("ROLLBACK")
        holder.close()
        check(fingerprint(self.locked) == locked_before, "the locked file changed")
        # The damaged file was not remembered: the next start opens the last good one.
        run_kiosk([self.args.binary], self.env, self.last_file)
        check(fingerprint(self.officers) == before, "the officers' file changed on the second start")
        print("rahnuma-officer: three kiosks and two centres with their counts, three syncs, code %s found, "
              "the file's bytes and mtime unchanged; a damaged, a newer and a locked file say so and are unchanged" % self.code)


def main():
    Office(parse_options(("binary", "admin", "dir"), optional=("screenshot", "survey-screenshot", "survey-screenshot-ur"))).run()


if __name__ == "__main__":
    sys.exit(main())
