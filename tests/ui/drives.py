#!/usr/bin/python3
"""Save reports and keep the officers' file on a USB drive, by touch only.

The kiosk is a test build: RAHNUMA_TEST_MOUNTS lists the folders that count
as plugged-in drives (src/core/rahnuma-drives.c), next to GIO's own mounts.
With no drive, the touch list says none is found. With one, a CSV and a PDF
saved to it are whole (CSV header, PDF trailer) and leave no ".part" behind.
A drive pulled out between choosing it and writing (its folder removed)
gives a clear message and no file at all. Choosing a drive for the officers'
file puts rahnuma-officers.db on it and the dashboard shows it; the kiosk
syncs into it at once, without a restart. English turned off on the
dashboard is not offered to the next visitor.

Usage: drives.py --binary B --localedir D --modules M --lang L --db F --drive DIR
"""
import glob
import os
import shutil
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from kiosk_screen import check, parse_options  # noqa: E402
from officer import PIN, Officer  # noqa: E402


class Drives(Officer):
    def tap(self, node):
        """A touch on a row: GTK 4.8 rows have no AT-SPI action. Windows sit at the origin under Xvfb."""
        box = node.get_extents(Atspi.CoordType.SCREEN)
        if box.x < 0:
            box = node.get_extents(Atspi.CoordType.WINDOW)
        x, y = box.x + box.width // 2, box.y + box.height // 2
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], check=True)
        time.sleep(0.5)

    def tab(self, name):
        def match(node):  # a view switcher's button, whatever role it reports
            return node.get_name() == name and node.get_role() != Atspi.Role.LABEL and node.get_n_actions() > 0
        self.find(match, "tab “%s”" % name).do_action(0)
        time.sleep(0.5)

    def save_button(self, index):
        """The n-th “Save…” of the Reports tab: 0 the spreadsheet, 1 the PDF."""
        name = self._("Save…")
        self.named(name, Atspi.Role.PUSH_BUTTON)
        buttons = self.every(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == name)
        return buttons[index]

    def pick_drive(self):
        label = self.named(os.path.basename(self.args.drive), Atspi.Role.LABEL)
        self.tap(label)

    def toast(self, start):
        return self.find(lambda n: n.get_role() == Atspi.Role.LABEL and n.get_name().startswith(start),
                         "a message beginning “%s”" % start)

    def leftovers(self):
        return glob.glob(os.path.join(self.args.drive, "*.part"))

    def drives(self):
        shutil.rmtree(self.args.drive, ignore_errors=True)
        # Every tab's controls are finger-sized too: date arrows, switches, the spin button.
        for name in ("Charts", "Kiosk", "Reports"):
            self.tab(self._(name))
            time.sleep(0.5)
            self.check_sizes()
        # No drive: the list says so, and nothing is saved.
        self.save_button(0).do_action(0)
        self.named(self._("No USB drive found"), Atspi.Role.LABEL)
        self.check_sizes()
        self.press(self._("Cancel"))

        os.makedirs(self.args.drive)
        self.save_button(0).do_action(0)
        if self.args.screenshot:
            self.named(os.path.basename(self.args.drive), Atspi.Role.LABEL)
            time.sleep(1)
            self.shot(self.args.screenshot)
        self.pick_drive()
        self.toast(self._("Saved %s").split("%s")[0])
        csv = glob.glob(os.path.join(self.args.drive, "*.csv"))
        check(len(csv) == 1, "one spreadsheet on the drive: %s" % os.listdir(self.args.drive))
        with open(csv[0], encoding="utf-8-sig") as f:
            lines = f.read().splitlines()
        check(len(lines) >= 11, "a header and the 10 visits: %d lines" % len(lines))

        time.sleep(4)  # the first toast goes
        self.save_button(1).do_action(0)
        self.pick_drive()
        pdf = None
        for _ in range(50):
            pdf = glob.glob(os.path.join(self.args.drive, "*.pdf"))
            if pdf:
                break
            time.sleep(0.2)
        check(pdf, "a PDF on the drive: %s" % os.listdir(self.args.drive))
        with open(pdf[0], "rb") as f:
            data = f.read()
        check(data.startswith(b"%PDF") and b"%%EOF" in data[-1024:], "the PDF is whole")
        check(not self.leftovers(), "no .part left: %s" % self.leftovers())

        # Pulled out after it was chosen from the list, before the file is written.
        time.sleep(4)
        self.save_button(0).do_action(0)
        label = self.named(os.path.basename(self.args.drive), Atspi.Role.LABEL)
        shutil.rmtree(self.args.drive)
        self.tap(label)
        self.toast(self._("The report was not saved: the drive was taken out, is full or cannot be "
                          "written to. Nothing half-written was left on it. Put the drive back, or use "
                          "another, and save again. (%s: %s)").replace("۔", ".").split(".")[0])
        check(not os.path.exists(self.args.drive), "nothing was written where the drive was")

        # The officers' file, kept on the drive.
        os.makedirs(self.args.drive)
        self.tab(self._("Kiosk"))
        self.press(self._("Choose…"))
        self.pick_drive()
        self.named(os.path.join(self.args.drive, "rahnuma-officers.db"), Atspi.Role.LABEL)
        # In force at once, no restart: the kiosk syncs into the new file by itself.
        officers = os.path.join(self.args.drive, "rahnuma-officers.db")
        for _ in range(100):
            if os.path.exists(officers):
                break
            time.sleep(0.2)
        check(os.path.exists(officers), "the kiosk synced into the officers' file it was just given")

    def languages(self):
        """English off on the dashboard; the next visitor is not offered it."""
        switches = self.every(lambda n: n.get_role() in (Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX)
                              and n.get_state_set().contains(Atspi.StateType.CHECKED))
        check(len(switches) == 4,
              "the four language switches, on: %s" % [
            (n.get_role_name(), n.get_name()) for n in self.walk(self.app()) if n.get_role() != Atspi.Role.LABEL][-30:])
        switches[3].do_action(0)  # ur, ps, pa_PK, en: the template's order
        self.toast(self._("In force from the next visitor."))
        self.press(self._("Lock"))
        self.press("Close")
        self.button("Start").do_action(0)
        self.button("اردو")
        time.sleep(1)
        check(self.first(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == "English") is None,
              "English was turned off on the dashboard, yet offered to the next visitor")

    def officer(self):
        subprocess.run([self.admin(), "pin", "set", "--db", self.args.db], input=PIN + "\n", text=True,
                       check=True, capture_output=True)
        self.hold_corner()
        if self.args.lang != "en":
            self.choose_language()
        self.enter(PIN)
        self.expect_today()
        self.drives()
        self.languages()


def main():
    args = parse_options(("binary", "localedir", "modules", "lang", "db", "drive"))
    os.environ["RAHNUMA_TEST_MOUNTS"] = args.drive
    Drives(args).run()
    print("drives in %s: none found, CSV and PDF whole on the drive, a pulled drive leaves nothing, "
          "officers' file kept on the drive and synced at once, a language turned off is gone for the next "
          "visitor" % args.lang)


if __name__ == "__main__":
    sys.exit(main())
