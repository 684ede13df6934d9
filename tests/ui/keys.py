#!/usr/bin/python3
"""Kiosk mode has no way out, and comes back from a crash.

Runs the real `rahnuma` binary in kiosk mode (no --windowed) under the Xvfb
display and D-Bus session that run-ui-test.sh provides:

1. keyboard shortcuts (Alt+F4, Ctrl+Q, Ctrl+W, Escape, F11, the inspector's
   Ctrl+Shift+I) typed into the real window through XTEST leave it running;
2. a close request (WM_DELETE_WINDOW, what a window manager sends for Alt+F4
   or a close button) is refused, while the same request does close a
   --windowed kiosk, so the test can tell;
3. killed with SIGKILL in the middle of a visit and started again, the kiosk
   shows its welcome screen and the journal records the visit as abandoned;
4. SIGTERM (systemd stopping it) ends it cleanly.

Usage: keys.py --binary B --modules M --db F
"""
import ctypes
import ctypes.util
import os
import signal
import sqlite3
import subprocess
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

from kiosk_screen import check, in_scratch_dir, parse_options  # noqa: E402

TIMEOUT = 30
# Each shortcut as xdotool types it, and as the kiosk logs it (GTK's accelerator name).
SHORTCUTS = [("alt+F4", "<Alt>F4"), ("ctrl+q", "<Control>q"), ("ctrl+w", "<Control>w"),
             ("Escape", "Escape"), ("F11", "F11"), ("ctrl+shift+i", "<Shift><Control>i"),
             ("super+q", "<Super>q")]


# --- X11: the message a window manager sends to close a window ----------------------
class XClientMessageEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("window", ctypes.c_ulong),
                ("message_type", ctypes.c_ulong), ("format", ctypes.c_int),
                ("data", ctypes.c_long * 5)]


class XEvent(ctypes.Union):
    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


def request_close(window):
    """Send WM_DELETE_WINDOW to @window, as a window manager does."""
    x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11"))
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    x11.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_long,
                               ctypes.POINTER(XEvent)]
    x11.XFlush.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(None)
    check(display, "cannot open the X display")
    event = XEvent()
    event.xclient.type = 33  # ClientMessage
    event.xclient.window = window
    event.xclient.message_type = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
    event.xclient.format = 32
    event.xclient.data[0] = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
    event.xclient.data[1] = 0  # CurrentTime
    x11.XSendEvent(display, window, 0, 0, ctypes.byref(event))
    x11.XFlush(display)
    x11.XCloseDisplay(display)


def find_window(pid):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        out = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--name", "Rahnuma"],
                             capture_output=True, text=True).stdout.split()
        if out:
            return int(out[0])
        time.sleep(0.2)
    raise AssertionError("no visible Rahnuma window")


# --- AT-SPI ------------------------------------------------------------------------
def app():
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        child = desktop.get_child_at_index(i)
        if child is not None and child.get_name() == "rahnuma":
            return child
    return None


def walk(node, depth=0):
    if node is None or depth > 40:
        return
    if depth > 1:
        try:
            extents = node.get_extents(Atspi.CoordType.WINDOW)
            if extents.width <= 0 or extents.height <= 0:
                return
        except GLib.Error:
            pass
    yield node
    for i in range(node.get_child_count()):
        yield from walk(node.get_child_at_index(i), depth + 1)


def button(name, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for node in walk(app()):
            try:
                if (node.get_role() == Atspi.Role.PUSH_BUTTON and node.get_name() == name
                        and node.get_state_set().contains(Atspi.StateType.SENSITIVE)):
                    return node
            except GLib.Error:
                continue
        time.sleep(0.2)
    raise AssertionError("not on screen after %ss: button “%s”" % (timeout, name))


class Kiosk:
    def __init__(self, args, log, windowed=False):
        env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="0",
                   G_MESSAGES_DEBUG="rahnuma-application")
        command = [args.binary, "--modules", args.modules, "--db", args.db]
        if windowed:
            command.append("--windowed")
        self.log_path = log
        # GLib writes debug messages to stdout, the rest to stderr: keep both.
        self.proc = subprocess.Popen(command, env=env, stdout=open(log, "w"), stderr=subprocess.STDOUT)

    def log(self):
        with open(self.log_path) as f:
            return f.read()

    def alive(self):
        return self.proc.poll() is None

    def wait(self, timeout):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            return None

    def kill(self):
        if self.alive():
            self.proc.kill()
            self.proc.wait()


def states(db_path):
    db = sqlite3.connect(db_path)
    try:
        return [row[0] for row in db.execute("SELECT state FROM session")]
    finally:
        db.close()


def no_way_out(args, tmp):
    kiosk = Kiosk(args, os.path.join(tmp, "kiosk.log"))
    try:
        button("Start")
        window = find_window(kiosk.proc.pid)
        subprocess.run(["xdotool", "windowfocus", "--sync", str(window)], check=True)
        for keys, _accel in SHORTCUTS:
            subprocess.run(["xdotool", "key", "--clearmodifiers", keys], check=True)
            time.sleep(0.3)
        time.sleep(1)
        check(kiosk.alive(), "a shortcut ended the kiosk:\n" + kiosk.log())
        # Every key reached the window, and the kiosk itself turned it away.
        for _keys, accel in SHORTCUTS:
            check("Ignored the shortcut %s " % accel in kiosk.log(), (accel, kiosk.log()))
        button("Start", timeout=2)

        request_close(window)
        time.sleep(1.5)
        check(kiosk.alive(), "a close request ended the kiosk:\n" + kiosk.log())
        check("Refused to close the kiosk window" in kiosk.log(), kiosk.log())
        print("kiosk mode: %s and a close request did not end it" % ", ".join(k for k, _ in SHORTCUTS))

        kiosk.proc.send_signal(signal.SIGTERM)
        code = kiosk.wait(10)
        check(code == 0, "SIGTERM: exit status %s\n%s" % (code, kiosk.log()))
        check("Rahnuma stopped" in kiosk.log(), kiosk.log())
    finally:
        kiosk.kill()

    # The control: the same close request does close a --windowed kiosk.
    windowed = Kiosk(args, os.path.join(tmp, "windowed.log"), windowed=True)
    try:
        button("Start")
        request_close(find_window(windowed.proc.pid))
        status = windowed.wait(10)
        check(status is not None, "a close request does not reach the window")
        check(status == 0, "a --windowed kiosk closed with exit status %s" % status)
    finally:
        windowed.kill()
    print("control: the close request ends a --windowed kiosk")


def crash_and_back(args, tmp):
    kiosk = Kiosk(args, os.path.join(tmp, "crash.log"))
    try:
        button("Start").do_action(0)
        button("English").do_action(0)
        deadline = time.monotonic() + TIMEOUT
        while states(args.db) != ["active"] and time.monotonic() < deadline:
            time.sleep(0.2)
        check(states(args.db) == ["active"], states(args.db))
        kiosk.proc.send_signal(signal.SIGKILL)
        kiosk.wait(10)
    finally:
        kiosk.kill()
    check(states(args.db) == ["active"], states(args.db))

    again = Kiosk(args, os.path.join(tmp, "again.log"))
    try:
        button("Start")
        check(states(args.db) == ["abandoned"], states(args.db))
        check("Recorded 1 interrupted visit(s) as abandoned" in again.log(), again.log())
        again.proc.send_signal(signal.SIGTERM)
        status = again.wait(10)
        check(status == 0, "SIGTERM after the restart: exit status %s\n%s" % (status, again.log()))
    finally:
        again.kill()
    print("crash: killed mid-visit, restarted at the welcome screen, the visit recorded abandoned")


def main():
    args = parse_options(("binary", "modules", "db"), optional=())
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(args.db + suffix):
            os.remove(args.db + suffix)

    def both(tmp):
        no_way_out(args, tmp)
        crash_and_back(args, tmp)
    in_scratch_dir(both, suffix="")


if __name__ == "__main__":
    main()
