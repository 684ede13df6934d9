#!/usr/bin/python3
"""The narration studio as a trainer uses it, through AT-SPI.

Copies the UI fixture packages (tests/ui/make-fixture-modules.py: two
modules, no Pashto narration) and starts the real `rahnuma-studio` on the
copies. With $RAHNUMA_AUDIO_SOURCE=audiotestsrc it chooses Pashto, sees the
progress ("Pashto: 0 of 26 lines recorded"), the first line's Pashto text
large, records it (the live meter moves), stops, plays it back and saves it:
it again (the first take is dropped), the progress goes up by one, audio/ps/scene-1.ogg is a playable Ogg,
module.ini has Narration[ps]= for it and media.sums notes it. The next line
already has a file on disk: saving over it asks first, and "Keep the old
one" keeps it byte for byte. Then, with a silent source, a recording is
refused with its measured level in dBFS and nothing is saved.

The studio's words come from its catalogue for --lang (English until
po/<lang>.po translates them).

Usage: studio.py --binary B --localedir D --fixture M --workdir W --lang L
                 [--screenshot PNG]
"""
import gettext
import os
import re
import shutil
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from kiosk_screen import KioskScreen, check, parse_options, run_kiosk  # noqa: E402

SINE = "audiotestsrc"
SILENCE = "audiotestsrc is-live=true wave=silence"
PASHTO = "پښتو"
FIRST_LINE = "لوست 1 — برخه 1"
NEEDED = 26  # two modules of 3 scenes and 5 questions (one narration each, one per explanation)


def printf(template, *values):
    """%s, %u, %d and positional %2$u in @template, as the program fills them."""
    text = re.sub(r"%(\d+)\$[uds]", lambda m: str(values[int(m.group(1)) - 1]), template)
    remaining = iter(values)
    return re.sub(r"%[uds]", lambda m: str(next(remaining)), text)


class Studio(KioskScreen):
    def __init__(self, args):
        self.args = args
        self.tr = gettext.translation("rahnuma", args.localedir, languages=[args.lang], fallback=True)
        self.package = os.path.join(args.workdir, "test-1")

    def _(self, text):
        return self.tr.gettext(text)

    def app(self):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is not None and child.get_name() == "rahnuma-studio":
                return child
        return None

    def on_failure(self):
        self.shot("failure")
        for node in self.walk(self.app()):
            print(node.get_role_name(), repr(node.get_name()))

    def shot(self, path):
        if path == "failure":
            path = os.path.join(self.args.workdir, "failure.png")
        subprocess.run(["import", "-window", "root", path], check=False)

    def named(self, name, role, what=None):
        return self.find(lambda n: n.get_role() == role and n.get_name() == name, what or "“%s”" % name)

    def press(self, name):
        self.button(name).do_action(0)

    def progress(self, recorded):
        text = self.tr.ngettext("%s: %u of %u line recorded", "%s: %u of %u lines recorded", NEEDED)
        name = "Pashto" if self.args.lang == "en" else PASHTO
        return self.named(printf(text, name, recorded, NEEDED), Atspi.Role.LABEL)

    def status(self, pattern):
        return self.find(lambda n: n.get_role() == Atspi.Role.LABEL and re.search(pattern, n.get_name() or ""),
                         "a message matching /%s/" % pattern)

    def choose_pashto(self):
        self.named(PASHTO, Atspi.Role.PUSH_BUTTON).do_action(0)
        self.progress(0)
        self.named(FIRST_LINE, Atspi.Role.LABEL, "the first Pashto line shown large")

    def meter_moves(self):
        meter = self.named(self._("Microphone level"), Atspi.Role.LEVEL_BAR)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and meter.get_current_value() <= 0.0:
            time.sleep(0.1)
        check(meter.get_current_value() > 0.0, "the level meter stays at 0 while recording a tone")

    def record(self, seconds=1.5, meter=True):
        self.press(self._("Record"))
        if meter:
            self.meter_moves()
        time.sleep(seconds)
        if self.args.screenshot and not os.path.exists(self.args.screenshot):
            self.shot(self.args.screenshot)  # recording, the meter up
        self.press(self._("Stop"))

    # --- files -------------------------------------------------------------
    def path(self, relative):
        return os.path.join(self.package, relative)

    def read(self, relative):
        with open(self.path(relative), "rb") as f:
            return f.read()

    def audio_files(self):
        folder = self.path("audio/ps")
        return sorted(os.listdir(folder)) if os.path.isdir(folder) else []

    def check_saved(self):
        ini = self.read("module.ini").decode()
        check("\nNarration[ps]=audio/ps/scene-1.ogg\n" in ini, "module.ini has no Narration[ps] for scene 1")
        check(self.read("audio/ps/scene-1.ogg")[:4] == b"OggS", "audio/ps/scene-1.ogg is not an Ogg file")
        sums = self.read("media.sums").decode()
        check(re.search(r"^audio/ps/scene-1\.ogg ", sums, re.M) or "audio/ps/scene-1.ogg" in sums,
              "media.sums does not note audio/ps/scene-1.ogg")
        check(self.audio_files() == ["scene-1.ogg", "scene-2.ogg"],
              "audio/ps holds %s, not the two clips (a temporary file left?)" % self.audio_files())

    # --- the two runs ------------------------------------------------------
    def record_and_save(self, proc):
        self.choose_pashto()
        self.record()
        self.status(re.escape(self._("Recorded. Press Play to listen to it, then Save it or record again.")))
        first_take = self.audio_files()
        self.record(seconds=2.5)  # record it again: the first take is dropped
        self.status(re.escape(self._("Recorded. Press Play to listen to it, then Save it or record again.")))
        check(len(self.audio_files()) == 2 and self.audio_files() != first_take,
              "re-recording left %s (before: %s)" % (self.audio_files(), first_take))
        self.press(self._("Play"))
        self.status(re.escape(self._("Played back. Save it if it is clear, or record it again.")))
        self.press(self._("Save"))
        self.progress(1)
        self.status(re.escape(self._("Saved %s.") % "audio/ps/scene-1.ogg"))
        self.check_saved()
        self.keep_existing()

    def keep_existing(self):
        """Scene 2 has a file but no key: saving asks, and keeping leaves it."""
        before = self.read("audio/ps/scene-2.ogg")
        self.record()
        self.status(re.escape(self._("Recorded. Press Play to listen to it, then Save it or record again.")))
        self.press(self._("Save"))
        self.named(self._("Replace the recording?"), Atspi.Role.LABEL, "the question before replacing")
        # libadwaita 1.2 names a response button by its label twice over.
        keep = self._("Keep the old one")
        self.find(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() in (keep, keep + " " + keep),
                  "button “%s”" % keep).do_action(0)
        time.sleep(1)
        check(self.read("audio/ps/scene-2.ogg") == before, "the existing recording was replaced without asking")
        self.progress(1)

    def refuse_silence(self, proc):
        ini, sums = self.read("module.ini"), self.read("media.sums")
        self.choose_pashto_again()
        self.record(meter=False)
        silent = self._("The recording is silent (its loudest moment is %.0f dBFS), so nothing was saved. "
                        "Check that the microphone is connected and not muted, then record again.")
        node = self.status("^" + re.escape(silent).replace(re.escape("%.0f"), r"-\d+") + "$")
        check(not self.button(self._("Save"), sensitive=False).get_state_set().contains(Atspi.StateType.SENSITIVE),
              "Save is offered for a silent recording")
        check(self.read("module.ini") == ini and self.read("media.sums") == sums,
              "a silent recording changed module.ini or media.sums")
        check(self.audio_files() == ["scene-1.ogg", "scene-2.ogg"], "a silent recording left %s" % self.audio_files())
        print("silent source refused: %s" % node.get_name())

    def choose_pashto_again(self):
        self.named(PASHTO, Atspi.Role.PUSH_BUTTON).do_action(0)
        self.progress(1)

    def run(self):
        shutil.rmtree(self.args.workdir, ignore_errors=True)
        if self.args.screenshot and os.path.exists(self.args.screenshot):
            os.remove(self.args.screenshot)
        for module in ("test-1", "test-2"):
            shutil.copytree(os.path.join(self.args.fixture, module), os.path.join(self.args.workdir, module))
        os.makedirs(self.path("audio/ps"))
        shutil.copy(self.path("media/scene-2.ogg"), self.path("audio/ps/scene-2.ogg"))
        dirs = [os.path.join(self.args.workdir, m) for m in ("test-1", "test-2")]
        base = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0", LANGUAGE=self.args.lang,
                    G_DEBUG="gc-friendly,fatal-criticals")
        run_kiosk([self.args.binary] + dirs, dict(base, RAHNUMA_AUDIO_SOURCE=SINE), self.record_and_save)
        run_kiosk([self.args.binary] + dirs, dict(base, RAHNUMA_AUDIO_SOURCE=SILENCE), self.refuse_silence)
        print("studio in %s: Pashto line recorded, played back, saved (1 of %d), existing file kept when asked, "
              "silence refused" % (self.args.lang, NEEDED))


def main():
    Studio(parse_options(("binary", "localedir", "fixture", "workdir", "lang"))).run()


if __name__ == "__main__":
    sys.exit(main())
