#!/usr/bin/python3
"""Unlock the officers' dashboard as an officer would, through AT-SPI and the pointer.

Starts the real `rahnuma` binary on a journal that already holds today's
visits (written with sqlite3, as the kiosk would have) and an officers' file
on a drive that is not there, presses and holds the hidden top-start corner
of the welcome screen for 3.5 s with xdotool (AT-SPI cannot long-press; the
corner is not in the accessibility tree, so that no screen reader announces
it, and is found by its place, as an officer does). With no PIN yet, the
corner only says the kiosk is not set up (no keys). After `rahnuma-admin pin
set`, the corner opens the PIN pad; with the PIN, the dashboard shows today's
numbers, each on the card of its own caption (a visit recorded with a wrong
clock is not among them; the dashboard says the kiosk's clock is wrong) and,
in words, why the automatic sync failed. Every control on screen is at least
64 px. A toast goes when the officer changes tab (it sat over another tab's
buttons). The words over the code keypad say where its keys are (below).
A completion code is checked on the keypad by touch, then typed as a
barcode scanner types it (lower case, a space, Enter). Then it locks the
dashboard, tries a wrong PIN (refused), and the right one (open again). The
officer's words come from po/<lang>.po (tests/ui/expected.py), not from the
kiosk's catalogue.

Usage: officer.py --binary B --localedir D --modules M --lang L --db F
                  [--screenshot PNG]
"""
import base64
import hashlib
import os
import sqlite3
import subprocess
import sys
import time
import uuid

import gi
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402

from expected import Translations  # noqa: E402
from kiosk_screen import TIMEOUT, CheckFailed, KioskScreen, check, parse_options, run_kiosk  # noqa: E402

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

PIN = "2580"
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
MIN_CONTROL = 64  # px: a finger's target on the kiosk


def make_code(payload):
    """A completion code as src/core/rahnuma-code.c makes it: weights 1…10, sum ≡ 0 (mod 31)."""
    total = sum(ALPHABET.index(c) * (i + 1) for i, c in enumerate(payload))
    check = next(c for c in ALPHABET if (total + ALPHABET.index(c) * 10) % 31 == 0)
    return payload[:5] + "-" + payload[5:] + check


CODE = make_code("K7M3P9QRX")
# Today's visits: 7 completed, 3 left early; 8 of 10 quizzes passed.
COMPLETED, ABANDONED, PASSED = 7, 3, 8
# And one recorded while the kiosk's clock said 2099: in no count, but told.
WRONG_CLOCK_AT = 4076042400
WRONG_CLOCK = ("The kiosk’s clock is wrong: %lld visit was recorded with an impossible date and is counted "
               "in no day. Set the kiosk’s date and time.",
               "The kiosk’s clock is wrong: %lld visits were recorded with an impossible date and are counted "
               "in no day. Set the kiosk’s date and time.")


def sign_proof(keys_dir, code, demo=False):
    """A completion proof made from docs/completion-proof.md alone (not with Rahnuma's code), signed
    with the key the kiosk made beside its journal at start: the format as documented must check."""
    with open(os.path.join(keys_dir, "proof-secret.key")) as f:
        key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(f.read().strip()))
    key_id = hashlib.blake2b(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw), digest_size=32).digest()[:8]
    day = int(time.time()) // 86400  # TZ=UTC in the tests: the kiosk's calendar day
    record = (bytes([1]) + key_id + bytes([1 | (2 if demo else 0)]) + day.to_bytes(2, "big")
              + bytes([1, 1]) + code.replace("-", "").encode()
              + bytes([4]) + b"TEST" + bytes([7]) + b"ui-test")
    body = base64.urlsafe_b64encode(record + key.sign(record)).decode().rstrip("=")
    return "RHN1." + body


class Officer(KioskScreen):
    def __init__(self, args):
        self.args = args
        # The officer's words, from the translators' po/<lang>.po: a missing
        # or empty translation fails instead of falling back to English.
        self.tr = Translations(SOURCE_DIR, args.lang)

    def _(self, text):
        return self.tr.gettext(text)

    def named(self, name, role=None, timeout=TIMEOUT):
        def match(node):
            return node.get_name() == name and (role is None or node.get_role() == role)
        return self.find(match, "“%s”" % name, timeout)

    def press(self, name):
        def match(node):
            return (node.get_role() == Atspi.Role.PUSH_BUTTON and node.get_name() == name
                    and node.get_state_set().contains(Atspi.StateType.SENSITIVE))
        self.find(match, "button “%s”" % name).do_action(0)
        time.sleep(0.25)

    def on_failure(self):
        self.shot("/tmp/officer-failure.png")

    def shot(self, path):
        subprocess.run(["import", "-window", "root", path], check=False)

    # --- the journal ----------------------------------------------------------------
    def seed_journal(self):
        """Creates the journal with the kiosk's own schema, then adds today's visits."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(self.args.db + suffix):
                os.remove(self.args.db + suffix)
        subprocess.run([self.admin(), "pin", "status", "--db", self.args.db], capture_output=True)
        now = int(time.time())
        start = now - now % 900  # the store's 15-minute grain; today, whatever the hour
        db = sqlite3.connect(self.args.db)
        for i in range(COMPLETED + ABANDONED):
            sid = uuid.uuid4().hex
            state = "completed" if i < COMPLETED else "abandoned"
            db.execute("INSERT INTO session (id, centre, kiosk, language, started_at, ended_at, state,"
                       " catalog_version, demo, rev, code) VALUES (?, 'TEST', 'ui-test', 'ur', ?, ?, ?, 'v1', 0, ?, ?)",
                       (sid, start, start, state, i + 1, CODE if i == 0 else None))
            db.execute("INSERT INTO module_progress VALUES (?, 'contract', 1, 1.0, ?, 4, ?)",
                       (sid, 4 if i < PASSED else 1, 1 if i < PASSED else 0))
        db.execute("INSERT INTO session (id, centre, kiosk, language, started_at, ended_at, state,"
                   " catalog_version, demo, clock_suspect, rev) VALUES (?, 'TEST', 'ui-test', 'ur', ?, ?,"
                   " 'completed', 'v1', 0, 1, ?)",
                   (uuid.uuid4().hex, WRONG_CLOCK_AT, WRONG_CLOCK_AT, COMPLETED + ABANDONED + 1))
        db.commit()
        db.close()

    # --- the officer --------------------------------------------------------------
    def hold_corner(self):
        """Press and hold the welcome screen's top-start corner (96 px square).

        The start side is the one opposite the Listen button, which the
        welcome screen puts at its bottom end: left in a left-to-right
        layout, right in a right-to-left one.
        """
        # The welcome screen is built in English (it speaks every language at once).
        listen = self.named("Listen", Atspi.Role.PUSH_BUTTON, timeout=60)
        window = self.app().get_child_at_index(0).get_extents(Atspi.CoordType.WINDOW)
        box = listen.get_extents(Atspi.CoordType.WINDOW)
        start_is_left = box.x + box.width / 2 > window.width / 2
        # Nothing on the accessibility tree may name or expose the corner.
        def exposes_corner(node):
            if "officer" in (node.get_name() or "").lower():
                return True
            if node.get_role() != Atspi.Role.PUSH_BUTTON:
                return False
            extents = node.get_extents(Atspi.CoordType.WINDOW)
            return extents.width <= 96 and extents.height <= 96 and extents.y < 96 and (
                extents.x < 96 if start_is_left else extents.x + extents.width > window.width - 96)
        check(self.first(exposes_corner) is None, "the officer corner is announced to screen readers")
        # GTK 4 knows no screen positions; under Xvfb without a window manager the
        # kiosk window sits at the origin, so window coordinates are screen ones.
        x = 48 if start_is_left else window.width - 48
        y = 48
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "mousedown", "1", "sleep", "3.5",
                        "mouseup", "1"], check=True)

    def officer_file(self):
        """On a drive that is not plugged in: every automatic sync fails."""
        return os.path.join(os.path.dirname(self.args.db), "no-such-drive", "officers.db")

    def admin(self):
        return os.path.join(os.path.dirname(os.path.dirname(self.args.binary)), "tools", "rahnuma-admin")

    def not_set_up(self):
        """With no PIN, holding the corner only says so: no keys to choose one."""
        self.hold_corner()
        # In the welcome screen's language (English), before any officer chose theirs.
        self.named("This kiosk is not set up yet", Atspi.Role.LABEL)
        time.sleep(0.5)
        check(self.first(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == "5") is None,
              "a kiosk with no PIN must not offer a PIN pad to whoever holds the corner")
        self.press("Close")
        subprocess.run([self.admin(), "pin", "set", "--db", self.args.db], input=PIN + "\n", text=True,
                       check=True, capture_output=True)

    def check_sizes(self):
        """Every control on screen is at least MIN_CONTROL px each way."""
        roles = (Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON, Atspi.Role.CHECK_BOX, Atspi.Role.RADIO_BUTTON,
                 Atspi.Role.TEXT, Atspi.Role.SPIN_BUTTON, Atspi.Role.ENTRY)
        small = []
        for node in self.walk(self.app()):
            if node.get_role() in roles:
                box = node.get_extents(Atspi.CoordType.WINDOW)
                if box.width < MIN_CONTROL or box.height < MIN_CONTROL:
                    small.append("%s “%s” %d×%d" % (node.get_role_name(), node.get_name(), box.width, box.height))
        check(not small, "controls smaller than %d px: %s" % (MIN_CONTROL, ", ".join(small)))

    def expect_sync_error(self):
        words = self._("The officers’ file or its drive is not there. Plug the drive in, or choose the file again "
                       "on the Kiosk tab.")
        self.named(self._("The last automatic copy to the officers’ file failed"))
        # The file it really syncs into (--officer-file here), not "None chosen".
        self.named(self.officer_file(), Atspi.Role.LABEL)
        self.find(lambda n: n.get_name().startswith(words), "the sync's failure in words")

    def expect_printer_fault(self):
        """"Print a test card" with no printer to be found (no CUPS server on the
        test machine: the kiosk gives up after 15 s): the fault shows under Card
        printer. Checked where po/<lang>.po translates the words."""
        try:
            button, title = self._("Print a test card"), self._("The last card did not print")
            words = self._("The printer cannot be found: check that it is on and plugged in, and the printer setting.")
        except CheckFailed as untranslated:
            print("Card printer: not checked in %s: %s" % (self.args.lang, untranslated))
            return
        self.press(button)
        self.named(title, timeout=40)
        self.find(lambda n: (n.get_name() or "").startswith(words), "the printer's fault in words")

    def tab(self, name):
        def match(node):
            return node.get_name() == name and node.get_role() != Atspi.Role.LABEL and node.get_n_actions() > 0
        self.find(match, "tab “%s”" % name).do_action(0)
        time.sleep(0.5)

    def showing(self, name):
        return any(n.get_name() == name and n.get_role() == Atspi.Role.LABEL for n in self.walk(self.app()))

    def expect_toast_gone_on_tab_change(self):
        """A toast ("A test card is on its way to the printer.") goes as soon as the officer
        opens another tab, well before its 3 s are up: it must not sit over that tab's
        controls. Checked where po/<lang>.po translates the words."""
        try:
            button, toast = self._("Print a test card"), self._("A test card is on its way to the printer.")
            today, charts = self._("Today"), self._("Charts")
        except CheckFailed as untranslated:
            print("Toast on a tab change: not checked in %s: %s" % (self.args.lang, untranslated))
            return
        self.press(button)
        self.named(toast, Atspi.Role.LABEL, timeout=2)
        self.tab(charts)
        deadline = time.monotonic() + 0.8
        while self.showing(toast) and time.monotonic() < deadline:
            time.sleep(0.1)
        check(not self.showing(toast), "the toast “%s” stayed over the %s tab" % (toast, charts))
        self.tab(today)

    def expect_code_hint(self):
        """The words over the code keypad say the keys are below them, and they are, in every language."""
        hint = self._("Type the code the visitor shows with the keys below, or scan its QR code")
        above = self.named(hint, Atspi.Role.LABEL).get_extents(Atspi.CoordType.WINDOW)
        entry = self.named(self._("Completion code"), Atspi.Role.TEXT).get_extents(Atspi.CoordType.WINDOW)
        check(above.y + above.height <= entry.y, "the keypad's hint is not above its keys")

    def keypad(self, symbols):
        """Touches the code keypad's keys (not the hidden PIN pad's digits, which keep their size)."""
        entry = self.named(self._("Completion code"), Atspi.Role.TEXT)
        pad = entry.get_parent()
        for symbol in symbols:
            key = next(n for n in self.walk(pad) if n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == symbol)
            key.do_action(0)
            time.sleep(0.1)
        time.sleep(0.3)
        return entry

    def verify_code(self):
        """The code by touch on the keypad, then as a barcode scanner types it."""
        self.keypad(CODE.replace("-", ""))
        self.press(self._("Check"))
        self.named(CODE)
        # The outcome as `rahnuma-admin verify` says it: lessons passed of
        # lessons, the path, nothing to go over (the visit passed its one lesson).
        outcome = "%s %s" % (self.tr.ngettext("%u of %u lesson passed.", "%u of %u lessons passed.", 1, 1, 1),
                             self.tr.gettext("Full path: every lesson watched on the kiosk."))
        completed = self.tr.gettext("Completed %s. %s")
        self.find(lambda n: (n.get_name().startswith(completed.split("%s")[0])
                             and n.get_name().endswith(outcome)),
                  "the code's visit: “%s”" % outcome)
        self.keypad("2345")  # a new code starts afresh after a check; a short one is not valid
        self.press(self._("Check"))
        self.named(self._("Not a valid code"))
        # A scanner is a keyboard: it types into the entry that keeps the focus.
        scanned = CODE.lower().replace("-", " ")
        subprocess.run(["xdotool", "type", "--delay", "30", scanned], check=True)
        subprocess.run(["xdotool", "key", "Return"], check=True)
        self.named(CODE)

    def scan(self, text):
        subprocess.run(["xdotool", "type", "--delay", "20", text], check=True)
        subprocess.run(["xdotool", "key", "Return"], check=True)

    def verify_proof(self):
        """The signed text of a result page's QR code, as a scanner types it: valid with the kiosk's
        own key (no trust file), NOT VALID with one letter of its signature changed."""
        proof = sign_proof(os.path.join(os.path.dirname(self.args.db), "keys"), CODE)
        self.scan(proof)
        self.named(self._("Valid completion proof"))
        changed = proof[:-10] + ("A" if proof[-10] != "A" else "B") + proof[-9:]
        self.scan(changed)
        self.named(self._("NOT VALID: do not accept it"))

    def enter(self, pin):
        for digit in pin:
            self.press(digit)
        self.press(self._("OK"))

    def figure(self, caption):
        """The number shown on the dashboard card captioned @caption.

        A figure is bound to its caption by the card they share (their
        accessible parent) and by place (the number right above its caption),
        so that two figures swapped between cards fail.
        """
        label = self.named(caption, Atspi.Role.LABEL)
        card = label.get_parent()
        others = [card.get_child_at_index(i) for i in range(card.get_child_count())]
        numbers = [n for n in others if n.get_role() == Atspi.Role.LABEL and n.get_name() != caption]
        check(len(numbers) == 1, "the card of “%s” holds %s" % (caption, [n.get_name() for n in others]))
        number = numbers[0].get_extents(Atspi.CoordType.WINDOW)
        under = label.get_extents(Atspi.CoordType.WINDOW)
        check(number.y + number.height <= under.y + 1
              and number.x < under.x + under.width and under.x < number.x + number.width,
              "the figure of “%s” is not right above it" % caption)
        return numbers[0].get_name()

    def expect_today(self):
        expected = {self._("Visitors"): str(COMPLETED + ABANDONED), self._("Completed"): str(COMPLETED),
                    self._("Left early"): str(ABANDONED),
                    self._("Quizzes passed"): "%d%%" % round(100 * PASSED / (COMPLETED + ABANDONED))}
        deadline = time.monotonic() + TIMEOUT
        while True:
            # The figures are counted off the main loop, and a dashboard shown
            # again after Lock is laid out a frame later: until the deadline, a
            # card caught half laid out is read again, not failed.
            try:
                shown = {caption: self.figure(caption) for caption in expected}
            except CheckFailed:
                if time.monotonic() > deadline:
                    raise
                shown = None
            if shown == expected or time.monotonic() > deadline:
                break
            time.sleep(0.3)
        check(shown == expected, "today's figures: shown %s, expected %s" % (shown, expected))
        self.named(self.tr.ngettext(*WRONG_CLOCK, 1).replace("%lld", "1"), Atspi.Role.LABEL)

    def choose_language(self):
        """The officer's own language, from the menu above the PIN pad."""
        native = {"ur": "اردو", "ps": "پښتو", "pa_PK": "پنجابی"}[self.args.lang]
        def actionable(name):
            def match(node):
                return node.get_name() == name and node.get_role() != Atspi.Role.LABEL and node.get_n_actions() > 0
            return match
        self.find(actionable("Language"), "the language menu").do_action(0)
        time.sleep(0.5)
        self.find(actionable(native), "menu item “%s”" % native).do_action(0)
        time.sleep(1)

    def expect_language_words(self):
        """The language menu over the PIN pad shows words, not an icon alone: "Language" in the
        window's language and, when that is not Urdu, "زبان" beside it (once, in Urdu)."""
        words = [n.get_name() for n in self.walk(self.app()) if n.get_role() == Atspi.Role.LABEL]
        check(self._("Language") in words, "no words “%s” on the language menu: %s" % (self._("Language"), words))
        check(words.count("زبان") == 1, "“زبان” shown %d times over the PIN pad" % words.count("زبان"))

    def officer(self):
        self.not_set_up()
        self.hold_corner()
        if self.args.lang != "en":
            self.choose_language()
        self.named(self._("Enter the officer PIN"), Atspi.Role.LABEL)
        self.expect_language_words()
        self.check_sizes()
        self.enter(PIN)
        self.expect_today()
        self.expect_sync_error()
        self.expect_printer_fault()
        self.expect_toast_gone_on_tab_change()
        time.sleep(1)
        self.check_sizes()
        self.expect_code_hint()
        self.verify_code()
        self.verify_proof()
        if self.args.screenshot:
            self.shot(self.args.screenshot)

        self.press(self._("Lock"))
        self.named(self._("Enter the officer PIN"), Atspi.Role.LABEL)
        self.enter("1111")
        self.named(self._("Wrong PIN."), timeout=15)
        self.enter(PIN)
        self.expect_today()

    def run(self):
        self.seed_journal()
        # The failed automatic sync is logged as a warning, by design: not fatal here.
        env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0", G_DEBUG="gc-friendly,fatal-criticals")
        run_kiosk([self.args.binary, "--windowed", "--modules", self.args.modules,
                   "--db", self.args.db, "--centre", "TEST", "--kiosk-id", "ui-test",
                   "--officer-file", self.officer_file()],
                  env, lambda proc: self.officer())
        db = sqlite3.connect(self.args.db)
        (stored,) = db.execute("SELECT value FROM kiosk_setting WHERE key = 'pin_hash'").fetchone()
        check(stored.startswith("$argon2id$") and PIN not in stored,
              "the PIN is kept only as a hash")
        print("officer dashboard in %s: not set up without a PIN; PIN set, today's numbers and the sync's "
              "failure shown, controls ≥ %d px, code checked by keypad and scanner, signed proof checked, lock and wrong PIN work"
              % (self.args.lang, MIN_CONTROL))


def main():
    Officer(parse_options(("binary", "localedir", "modules", "lang", "db"))).run()


if __name__ == "__main__":
    sys.exit(main())
