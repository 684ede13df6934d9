"""What every UI test needs to see the kiosk as a person does: through AT-SPI.

A test class inherits KioskScreen and provides shot(label). Controls are
found by role and accessible name, as a screen reader finds them, and only
among what is really on screen.

Checks go through check(), never a bare `assert`: Python drops asserts when
run with -O or PYTHONOPTIMIZE, and a test must not pass because of that.
"""
import subprocess
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

TIMEOUT = 30


class CheckFailed(AssertionError):
    """A check of the kiosk's behaviour failed."""


def check(condition, message="check failed"):
    """Raises CheckFailed with @message unless @condition holds (kept under -O)."""
    if not condition:
        raise CheckFailed(message if isinstance(message, str) else repr(message))


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


def run_kiosk(command, env, body):
    """Runs the kiosk @command, calls body(), stops the kiosk, checks its exit status."""
    proc = subprocess.Popen(command, env=env)
    try:
        body(proc)
    except BaseException:
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
        for i in range(node.get_child_count()):
            yield from self.walk(node.get_child_at_index(i), depth + 1)

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

    def find(self, predicate, what, timeout=None):
        timeout = timeout or self.timeout
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            node = self.first(predicate)
            if node is not None:
                return node
            time.sleep(0.2)
        self.on_failure()
        raise AssertionError("not on screen after %ss: %s" % (timeout, what))

    def button(self, name, timeout=None, sensitive=True):
        def match(node):
            if node.get_role() != Atspi.Role.PUSH_BUTTON or node.get_name() != name:
                return False
            return not sensitive or node.get_state_set().contains(Atspi.StateType.SENSITIVE)
        return self.find(match, "button “%s”" % name, timeout)
