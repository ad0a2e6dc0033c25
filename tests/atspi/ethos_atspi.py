# SPDX-License-Identifier: GPL-3.0-or-later
"""Driving Ethos as a screen reader does, through AT-SPI.

Shared by the tests in tests/atspi/: start the accessibility bus and the
application (inside dbus-run-session and xvfb-run, which meson's test
command provides), find controls by role and accessible name, press,
type, wait. A control without a name cannot be found: that is the point.
"""

import os
import subprocess
import sys
import time

import pyatspi

TIMEOUT = 20


class Failure(Exception):
    pass


def wait_for(what, predicate, timeout=TIMEOUT):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = predicate()
        except Exception:   # objects vanish while the window changes
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise Failure('timed out waiting for ' + what)


def showing(node):
    """GTK 4.8 exposes "visible" (not "showing"), for the widget alone: a
    node is shown when it and every ancestor are visible."""
    try:
        while node is not None and node.getRoleName() != 'application':
            if not node.getState().contains(pyatspi.STATE_VISIBLE):
                return False
            node = node.parent
        return True
    except Exception:
        return False


def walk(node, depth=0):
    yield node
    if depth > 60:
        return
    try:
        children = list(node)
    except Exception:
        return
    for child in children:
        if child is not None:
            yield from walk(child, depth + 1)


def find(root, role, name=None, prefix=None, visible=True):
    """The first node of @role whose name is @name (or starts with @prefix)."""
    for node in walk(root):
        try:
            if node.getRoleName() != role:
                continue
            if name is not None and node.name != name:
                continue
            if prefix is not None and not (node.name or '').startswith(prefix):
                continue
            if visible and not showing(node):
                continue
            return node
        except Exception:
            continue
    return None


def find_all(root, role):
    return [n for n in walk(root) if _role(n) == role]


def _role(node):
    try:
        return node.getRoleName()
    except Exception:
        return None


def wait_find(root, role, name=None, prefix=None, what=None):
    return wait_for(what or '%s "%s"' % (role, name or prefix),
                    lambda: find(root, role, name=name, prefix=prefix))


def act(node, *names):
    """Does the first of the node's actions named in @names."""
    action = node.queryAction()
    available = [action.getName(i) for i in range(action.nActions)]
    for wanted in names:
        if wanted in available:
            action.doAction(available.index(wanted))
            return
    raise Failure('%s "%s" has none of the actions %s (it has %s)'
                  % (node.getRoleName(), node.name, names, available))


def set_text(node, text):
    editable = node.queryEditableText()
    editable.setTextContents(text)


KEYSYMS = {'Return': 0xff0d, 'Tab': 0xff09, 'Escape': 0xff1b, 'space': 0x20}


def key(keysym_name):
    """A key press through the accessibility bus (as Orca would send)."""
    pyatspi.Registry.generateKeyboardEvent(KEYSYMS[keysym_name], None, pyatspi.KEY_SYM)


class Session:
    """The accessibility bus and one Ethos process with private XDG dirs."""

    def __init__(self, program, home, env=None):
        self.launcher = subprocess.Popen(['/usr/libexec/at-spi-bus-launcher',
                                          '--launch-immediately'])
        time.sleep(0.3)
        environment = dict(os.environ)
        environment.pop('GTK_A11Y', None)
        environment.pop('NO_AT_BRIDGE', None)
        environment.update({
            'XDG_DATA_HOME': os.path.join(home, 'data'),
            'XDG_CONFIG_HOME': os.path.join(home, 'config'),
            'XDG_CACHE_HOME': os.path.join(home, 'cache'),
            'GTK_USE_PORTAL': '0',
        })
        environment.update(env or {})
        for key_ in ('XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME'):
            os.makedirs(environment[key_], exist_ok=True)
        # A loaded machine may still be starting the X server: try again
        # when the program could not open the display.
        for attempt in range(3):
            self.process = subprocess.Popen([program], env=environment)
            try:
                self.app = wait_for('Ethos on the accessibility bus', self._find_app)
                break
            except Failure:
                if self.process.poll() is None or attempt == 2:
                    raise
                time.sleep(2)

    def _find_app(self):
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == 'ethos':
                return app
        return None

    def window(self, title_prefix=None):
        # The title follows the page shown: "Ethos", "NOHS Standard 3 — Ethos".
        def main_window():
            for role in ('frame', 'window'):
                for node in find_all(self.app, role):
                    title = node.name or ''
                    if (title_prefix is not None and title.startswith(title_prefix)) or \
                            (title_prefix is None and (title == 'Ethos' or
                                                       title.endswith(' — Ethos'))):
                        return node
            return None
        return wait_for('the window', main_window)

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.launcher.terminate()


def main(test):
    try:
        test()
    except Failure as failure:
        print('not ok: ' + str(failure))
        sys.exit(1)
    print('ok')
