"""What every UI test needs to see the kiosk as a person does: through AT-SPI.

A test class inherits KioskScreen and provides shot(label). Controls are
found by role and accessible name, as a screen reader finds them, and only
among what is really on screen.

Checks go through check(), never a bare `assert`: Python drops asserts when
run with -O or PYTHONOPTIMIZE, and a test must not pass because of that.
"""
import argparse
import configparser
import os
import sqlite3
import subprocess
import tempfile
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# run-ui-test.sh runs this driver without G_DEBUG (AT-SPI's bindings warn
# now and then); the kiosk and the other programs under test get it back.
# GLib read G_DEBUG when it was loaded, above: this reaches the children only.
if os.environ.get("RAHNUMA_G_DEBUG"):
    os.environ["G_DEBUG"] = os.environ["RAHNUMA_G_DEBUG"]

TIMEOUT = 30
SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def prompt_words(prompt):
    """The words of @prompt in every language, from media/prompts/prompts.ini
    (what the kiosk shows and says on its own screens): {lang: text}."""
    ini = configparser.ConfigParser(interpolation=None, strict=False)
    ini.optionxform = str  # Text[pa_PK]
    ini.read(os.path.join(SOURCE_DIR, "media", "prompts", "prompts.ini"), encoding="utf-8")
    words = {"en": ini.get(prompt, "Text")}
    for key, value in ini.items(prompt):
        if key.startswith("Text["):
            words[key[len("Text["):-1]] = value
    return words


class CheckFailed(AssertionError):
    """A check of the kiosk's behaviour failed."""


def check(condition, message="check failed"):
    """Raises CheckFailed with @message unless @condition holds (kept under -O)."""
    if not condition:
        raise CheckFailed(message if isinstance(message, str) else repr(message))


def parse_options(required, optional=("screenshot",)):
    """The command line of a UI test script: --NAME VALUE for each of
    @required (all must be given) and @optional (may be left out)."""
    parser = argparse.ArgumentParser()
    for option in required:
        parser.add_argument("--" + option, required=True)
    for option in optional:
        parser.add_argument("--" + option)
    return parser.parse_args()


def in_scratch_dir(body, suffix=".log"):
    """Runs body(tmp) in a fresh temporary folder; if it fails, prints every
    file there whose name ends with @suffix (the programs' logs) first."""
    with tempfile.TemporaryDirectory() as tmp:
        try:
            return body(tmp)
        except BaseException:
            for name in sorted(os.listdir(tmp)):
                if name.endswith(suffix):
                    with open(os.path.join(tmp, name)) as f:
                        print("--- %s\n%s" % (name, f.read()))
            raise


def stop_kiosk(proc, check_status=True):
    """Sends SIGTERM, as systemd stopping the kiosk does, and waits for it.

    With @check_status, the kiosk must then exit by itself with status 0
    within 10 s; otherwise (the test already failed) it is only cleaned up.
    """
    proc.terminate()
    try:
        status = proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        status = None
    if check_status:
        check(status == 0, "SIGTERM did not end the kiosk cleanly: exit status %s%s"
              % (status, " (still running after 10 s)" if status is None else ""))


def run_kiosk(command, env, body, log=None):
    """Runs the kiosk @command, calls body(), stops the kiosk, checks its exit status.

    With @log (a path), the kiosk's output goes there (GLib writes debug
    messages to stdout, the rest to stderr), for a test to read.
    """
    if log is not None:
        with open(log, "w") as out:
            proc = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    else:
        proc = subprocess.Popen(command, env=env)
    try:
        body(proc)
    except BaseException:
        if proc.poll() is not None:
            # A missing button is often a kiosk that died: say so first.
            print("the kiosk had already exited, status %d%s" % (
                proc.returncode, " (signal %d)" % -proc.returncode if proc.returncode < 0 else ""))
        stop_kiosk(proc, check_status=False)
        raise
    stop_kiosk(proc)


class KioskScreen:
    timeout = TIMEOUT  # how long to wait for something to appear; a test may change it
    def app(self):
        """The kiosk on the accessibility bus, or None before it is there."""
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is not None and child.get_name() == "rahnuma":
                return child
        return None

    def walk(self, node, depth=0):
        if node is None or depth > 40:
            return
        # GTK 4.8 marks widgets of hidden stack pages "visible" but never
        # "showing"; what is really on screen has a size.
        if depth > 1:
            try:
                extents = node.get_extents(Atspi.CoordType.WINDOW)
                if extents.width <= 0 or extents.height <= 0:
                    return
            except GLib.Error:
                pass  # no Component interface (a stack page): look inside
        yield node
        try:
            children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
        except GLib.Error:
            return  # gone while we looked (a window closed meanwhile)
        for child in children:
            yield from self.walk(child, depth + 1)

    def every(self, predicate, root=None):
        """Every node on screen (under @root, else the kiosk) that @predicate
        accepts; a node that goes away while it is looked at is skipped."""
        found = []
        for node in self.walk(root if root is not None else self.app()):
            try:
                if predicate(node):
                    found.append(node)
            except GLib.Error:
                continue  # gone while we looked (a toast or a window closed)
        return found

    def first(self, predicate):
        """The first node on screen that @predicate accepts, or None."""
        app = self.app()
        if app is None:
            return None
        for node in self.walk(app):
            try:
                if predicate(node):
                    return node
            except GLib.Error:
                continue  # gone while we looked
        return None

    def on_failure(self):
        self.shot("failure")

    def query(self, sql):
        """The rows of @sql on the journal (self.args.db), opened read-only."""
        db = sqlite3.connect("file:%s?mode=ro" % self.args.db, uri=True)
        try:
            return db.execute(sql).fetchall()
        finally:
            db.close()

    def find(self, predicate, what, timeout=None):
        timeout = timeout or self.timeout
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            node = self.first(predicate)
            if node is not None:
                return node
            time.sleep(0.2)
        self.on_failure()
        raise CheckFailed("not on screen after %ss: %s" % (timeout, what))

    # --- pages and layout ----------------------------------------------------------
    def page(self, type_name, timeout=None):
        """The page widget of class @type_name (e.g. "RahnumaQuizPage") on screen.

        GTK 4.8 leaves the stack's other pages in the tree with a size, so
        a test looks for a page's controls inside the page it expects.
        """
        return self.find(lambda n: n.get_role() == Atspi.Role.FILLER and n.get_name() == type_name,
                         "the page %s" % type_name, timeout)

    def inside(self, root, predicate, what, timeout=None):
        """The first node under @root that @predicate accepts, waiting for it."""
        timeout = timeout or self.timeout
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for node in self.walk(root, 2):
                try:
                    if predicate(node):
                        return node
                except GLib.Error:
                    continue
            time.sleep(0.2)
        self.on_failure()
        raise CheckFailed("not on screen after %ss: %s" % (timeout, what))

    def labelled(self, root, role, name, timeout=None):
        """The node of @role named exactly @name under @root."""
        return self.inside(root, lambda n: n.get_role() == role and n.get_name() == name,
                           "%s “%s”" % (Atspi.role_get_name(role), name), timeout)

    def window_width(self):
        return self.app().get_child_at_index(0).get_extents(Atspi.CoordType.WINDOW).width

    def check_edge(self, node, edge, rtl, what):
        """@node sits at the window's @edge ("start" or "end") for the text direction.

        Start is the right edge in a right-to-left layout, the left edge in a
        left-to-right one. GTK 4.8's AT-SPI gives no character extents, so
        this is measured on widgets: within a tenth of the window of that
        edge, and nearer to it than to the opposite one.
        """
        box = node.get_extents(Atspi.CoordType.WINDOW)
        width = self.window_width()
        left_gap, right_gap = box.x, width - (box.x + box.width)
        near_right = (edge == "start") == rtl
        gap, other = (right_gap, left_gap) if near_right else (left_gap, right_gap)
        check(gap <= width // 10 and gap < other,
              "%s is not at the %s (%s) edge of a %s layout: it spans x %d–%d of %d"
              % (what, edge, "right" if near_right else "left", "right-to-left" if rtl else "left-to-right",
                 box.x, box.x + box.width, width))

    def check_before(self, first, second, rtl, what):
        """@first comes before @second in reading order along a row."""
        a = first.get_extents(Atspi.CoordType.WINDOW)
        b = second.get_extents(Atspi.CoordType.WINDOW)
        ok = a.x >= b.x + b.width if rtl else a.x + a.width <= b.x
        check(ok, "%s: out of order for a %s layout (x %d and %d)"
              % (what, "right-to-left" if rtl else "left-to-right", a.x, b.x))

    def button(self, name, timeout=None, sensitive=True):
        def match(node):
            if node.get_role() != Atspi.Role.PUSH_BUTTON or node.get_name() != name:
                return False
            return not sensitive or node.get_state_set().contains(Atspi.StateType.SENSITIVE)
        return self.find(match, "button “%s”" % name, timeout)

    # --- touches -------------------------------------------------------------------
    def tap(self, node):
        """Presses @node (its first action), as a finger's tap does.

        With RAHNUMA_TAP_LOG set to a file name, first appends a line to that
        file: the test's class, the page the control is on (the nearest
        "Rahnuma…Page" around it, else "-"), the control's name and the
        monotonic time in seconds, tab-separated. The centre-day benchmark
        counts these per page (tests/bench/data/taps-journey.tsv)."""
        log = os.environ.get("RAHNUMA_TAP_LOG")
        if log:
            with open(log, "a", encoding="utf-8") as f:
                f.write("%s\t%s\t%s\t%.3f\n" % (type(self).__name__, self.page_of(node),
                                                  (node.get_name() or "").replace("\t", " "), time.monotonic()))
        node.do_action(0)

    def page_of(self, node):
        """The class name of the page @node is on, or "-"."""
        while node is not None:
            try:
                name = node.get_name() or ""
                if node.get_role() == Atspi.Role.FILLER and name.startswith("Rahnuma") and name.endswith("Page"):
                    return name
                node = node.get_parent()
            except GLib.Error:
                break
        return "-"

    def choose_path(self, short=False):
        """Answers the question that follows the language choice (issue 20),
        "Were you in the hall briefing today?": the full path (every lesson,
        then its questions, as before the question was asked) or, with
        @short, the short one. The answer is found by its words in any
        language (prompts.ini), so a test in any language chooses it without
        naming it. Waits until the page takes touches (the visit's start
        committed) before it presses."""
        names = set(prompt_words("path-short" if short else "path-full").values())
        page = self.page("RahnumaChoicePage")
        self.tap(self.inside(page, lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() in names
                             and n.get_state_set().contains(Atspi.StateType.SENSITIVE),
                             "the %s path on the page after the language" % ("short" if short else "full")))

    def home_question(self, timeout=None):
        """The question Home asks during a visit past the language, "Start
        again from the beginning?" (its label, found by its words in any
        language: prompts.ini's home-confirm)."""
        words = set(prompt_words("home-confirm").values())
        return self.find(lambda n: n.get_role() == Atspi.Role.LABEL and n.get_name() in words,
                         "the question Home asks", timeout)

    def answer_home(self, yes):
        """Answers the question Home asks (home_question()): "Yes, start
        again" (@yes: the visit ends, recorded abandoned) or "No, go on"
        (back where the visitor was). The answer is found by its words in
        any language (prompts.ini's home-yes and go-on), as choose_path()
        finds its own."""
        self.home_question()
        names = set(prompt_words("home-yes" if yes else "go-on").values())
        self.tap(self.find(lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() in names
                           and n.get_state_set().contains(Atspi.StateType.SENSITIVE),
                           "the answer “%s” to the question Home asks" % ("yes" if yes else "no")))

    def skip_about_you(self, skip_all="Skip all", path_chosen=False):
        """Leaves the "about you" step (issue 19; the "about-you" setting, on by
        default) that follows the language choice, by pressing its "Skip all":
        @skip_all is that button's name in the visitor's language (the test's
        self._("Skip all")). First, unless @path_chosen, takes the full path
        at the question before it (choose_path()): every test written before
        issue 20 walks the full path through here. Waits until the page takes
        touches (the visit's start committed) before it presses."""
        if not path_chosen:
            self.choose_path()
        page = self.page("RahnumaAboutPage")
        button = self.inside(page, lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == skip_all
                             and n.get_state_set().contains(Atspi.StateType.SENSITIVE),
                             "button “%s” of the “about you” step" % skip_all)
        self.tap(button)
