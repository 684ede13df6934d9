#!/usr/bin/python3
"""A setting the journal would refuse stops the kiosk before any visit.

`--centre "LHE PROTECTOR"` (a space) would make every visit fail the
journal's CHECK and be lost. The real `rahnuma` binary, in kiosk mode under
the Xvfb display and D-Bus session that run-ui-test.sh provides, must:

1. say why in the technician log (which setting, the value, how to correct it);
2. show the out-of-service page with the same reason, and no Start button;
3. write no journal at all;
4. end with exit status 78 (EX_CONFIG) when stopped.

A kiosk started with the corrected code shows the welcome screen.

Usage: bad_setting.py --binary B --modules M [--screenshot PNG]
"""
import os
import signal
import subprocess

from kiosk_screen import KioskScreen, check, in_scratch_dir, parse_options
from gi.repository import Atspi  # noqa: E402  (kiosk_screen requires the version)

EX_CONFIG = 78


class Test(KioskScreen):
    def __init__(self, args, tmp):
        self.args = args
        self.tmp = tmp
        self.db = os.path.join(tmp, "journal.db")

    def shot(self, label):
        if self.args.screenshot:
            path = self.args.screenshot if label == "refused" else \
                self.args.screenshot.replace(".png", "-%s.png" % label)
            subprocess.run(["import", "-window", "root", path], check=False)

    def start(self, name, centre):
        # The refusal is a warning in the technician log: not fatal here.
        env = {k: v for k, v in os.environ.items() if k != "G_DEBUG"}
        env.update(GSK_RENDERER="cairo", NO_AT_BRIDGE="0", LANGUAGE="en")
        log = os.path.join(self.tmp, name + ".log")
        proc = subprocess.Popen([self.args.binary, "--modules", self.args.modules, "--db", self.db,
                                 "--centre", centre],
                                env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)
        return proc, log

    def stop(self, proc):
        proc.send_signal(signal.SIGTERM)
        return proc.wait(10)

    def run(self):
        proc, log = self.start("refused", "LHE PROTECTOR")
        try:
            self.find(lambda n: n.get_role() == Atspi.Role.LABEL and n.get_name() == "Out of service",
                      "the out-of-service title")
            self.find(lambda n: n.get_role() == Atspi.Role.LABEL and
                      "“LHE PROTECTOR”" in (n.get_name() or "") and "no spaces" in n.get_name(),
                      "the reason, for the technician")
            self.shot("refused")
            check(self.first(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == "Start")
                  is None, "the welcome screen shows with a centre code the journal refuses")
        finally:
            status = self.stop(proc)
        check(status == EX_CONFIG, "exit status %s, not %d" % (status, EX_CONFIG))
        with open(log) as f:
            text = f.read()
        check("The kiosk cannot start: The centre code “LHE PROTECTOR” cannot be used" in text, text)
        check("--centre" in text, text)
        check(not os.path.exists(self.db), "a journal was written by a kiosk that refused to start")
        print("--centre \"LHE PROTECTOR\": refused, the reason on screen and in the log, exit status %d"
              % status)

        proc, _ = self.start("corrected", "LHE-PROTECTOR")
        try:
            self.button("Start")
        finally:
            status = self.stop(proc)
        check(status == 0, status)
        print("--centre LHE-PROTECTOR: the welcome screen, exit status 0")


def main():
    args = parse_options(("binary", "modules"))
    in_scratch_dir(lambda tmp: Test(args, tmp).run())


if __name__ == "__main__":
    main()
