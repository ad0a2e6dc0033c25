#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window as a screen reader and a keyboard user meet it, through AT-SPI.

Runs Ethos from the build tree on the session bus this test is given
(meson runs it inside `xvfb-run` and `dbus-run-session`), with the
accessibility bus started here, and checks:
- every row of the sidebar tree has a name, items as "NOHS Standard 3: …",
  and the related items name their code;
- typing while the sidebar has the focus searches, spaces included, and
  "duty to warn" lists the topic first;
- run from the build tree with LANGUAGE=es, the page names are Spanish.

Usage (from meson): test-atspi.py BUILD_ROOT
Needs python3-pyatspi and at-spi2-core; call /usr/bin/python3 (Debian's).
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print('1..0 # SKIP python3-pyatspi is not installed')
    sys.exit(0)

failures = []
count = 0


def check(ok, what):
    global count
    count += 1
    print('%s %d - %s' % ('ok' if ok else 'not ok', count, what))
    if not ok:
        failures.append(what)


def wait_for(predicate, what, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = predicate()
        except Exception:
            value = None
        if value:
            return value
        time.sleep(0.25)
    print('# timed out waiting for ' + what)
    return None


def children(acc):
    out = []
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            out.append(child)
    return out


def find(acc, predicate, depth=0):
    try:
        if predicate(acc):
            return acc
    except Exception:
        pass
    if depth > 30:
        return None
    for child in children(acc):
        found = find(child, predicate, depth + 1)
        if found is not None:
            return found
    return None


def find_all(acc, predicate, depth=0, out=None):
    out = [] if out is None else out
    try:
        if predicate(acc):
            out.append(acc)
    except Exception:
        pass
    if depth <= 30:
        for child in children(acc):
            find_all(child, predicate, depth + 1, out)
    return out


def role(acc):
    return acc.getRoleName()


class Ethos:
    """Ethos from the build tree, with its own settings and data."""

    def __init__(self, build_root, tmp, language, last=None):
        self.home = tempfile.mkdtemp(dir=tmp)
        config = os.path.join(self.home, 'config')
        env = {k: v for k, v in os.environ.items()
               if k not in ('GTK_A11Y', 'NO_AT_BRIDGE', 'ETHOS_DATA_DIR')}
        env.update(XDG_DATA_HOME=os.path.join(self.home, 'data'), XDG_CONFIG_HOME=config,
                   GSETTINGS_BACKEND='keyfile',
                   GSETTINGS_SCHEMA_DIR=os.path.join(build_root, 'data'),
                   LC_ALL='C.UTF-8', LANGUAGE=language)
        keyfile = os.path.join(config, 'glib-2.0', 'settings')
        os.makedirs(keyfile)
        with open(os.path.join(keyfile, 'keyfile'), 'w') as f:
            f.write('[io/github/ethosapp/Ethos]\nwindow-width=1100\nwindow-height=760\n')
            if last:
                f.write("last-code='%s'\nlast-ref='%s'\n" % last)
        # A loaded machine may still be starting the X server: start again
        # when Ethos exited (it could not open the display), not when it is
        # only slow to appear.
        for attempt in range(3):
            log = os.path.join(self.home, 'stderr-%d' % attempt)
            with open(log, 'wb') as err:
                self.process = subprocess.Popen(
                    [os.path.join(build_root, 'src', 'app', 'ethos')],
                    env=env, stdout=subprocess.DEVNULL, stderr=err)
            self.app = wait_for(self._find, 'Ethos on the accessibility bus')
            if self.app is not None or self.process.poll() is None:
                break
            with open(log, errors='replace') as err:
                print('# Ethos exited (%d): %s' % (self.process.returncode,
                                                   err.read().strip()[-300:]))
            time.sleep(2)

    def _find(self):
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == 'ethos' and app.get_process_id() == \
                    self.process.pid:
                return app
        return None

    def close(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def entry_texts(entry):
    """The text of a search entry: GTK 4.8 keeps it in a child text."""
    texts = []
    for acc in [entry] + find_all(entry, lambda a: True):
        try:
            text = acc.queryText()
            texts.append(text.getText(0, text.characterCount))
        except Exception:
            pass
    return texts


def list_named(app, name):
    return find(app, lambda a: role(a) == 'list' and a.name == name)


def type_text(text):
    for char in text:
        pyatspi.Registry.generateKeyboardEvent(ord(char), None, pyatspi.KEY_SYM)
        time.sleep(0.08)


CONTROLS = ('push button', 'toggle button', 'combo box', 'check box', 'menu item')


def control_names_problems(app):
    """Controls named after a GTK class ("GtkImage"), or saying their name twice."""
    bad = []
    for acc in find_all(app, lambda a: role(a) in CONTROLS):
        name = acc.name or ''
        words = name.split()
        half = len(words) // 2
        if name.startswith(('Gtk', 'Adw')) or (half and words[:half] == words[half:]):
            bad.append('%s %r' % (role(acc), name))
    return bad


def test_names_and_typing(build_root, tmp):
    ethos = Ethos(build_root, tmp, 'en', ('nohs', '3'))
    try:
        app = ethos.app
        check(app is not None, 'Ethos appears on the accessibility bus')
        if app is None:
            return
        tree = wait_for(lambda: list_named(app, 'Codes, sections and items'), 'the sidebar')
        rows = wait_for(lambda: [r for r in children(tree) if role(r) == 'list item']
                        if tree and tree.childCount > 10 else None, 'the unfolded sidebar')
        names = [r.name for r in rows or []]
        check(rows and all(n for n in names),
              'every sidebar row has a name (%d rows; empty: %d)'
              % (len(names), len([n for n in names if not n])))
        check(any(n.startswith('NOHS Standard 3: Human service professionals protect')
                  for n in names), 'an item row says its code, reference and text')
        related = wait_for(lambda: find_all(app, lambda a: role(a) == 'list item' and
                                            ', Clause ' in (a.name or '')), 'the related items')
        check(bool(related) and related[0].name.startswith('Global Code of Ethics'),
              'a related item names its code ("Global Code of Ethics…, Clause …")')
        # The citation split button's parts were heard as "GtkImage" and
        # "GtkMenuButton", the Compare topic as "GtkToggleButton".
        bad = control_names_problems(app)
        check(not bad, 'no control is named after its class or twice (%s)' % '; '.join(bad))
        citation = find_all(app, lambda a: role(a) == 'push button' and
                            a.name in ('Copy citation', 'Citation options'))
        check(len(set(a.name for a in citation)) == 2,
              'the citation split button says "Copy citation" and "Citation options"')

        # Type with the sidebar in focus: every character reaches the search.
        # GTK 4.8 cannot give a row the focus through AT-SPI: click it, as a
        # person would (the window is at the screen's corner under Xvfb).
        row = next(r for r in rows if r.name.startswith('NOHS Standard 3'))
        box = row.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2,
                                            'b1c')
        time.sleep(0.8)
        check(row.getState().contains(pyatspi.STATE_FOCUSED) or
              row.getState().contains(pyatspi.STATE_SELECTED),
              'the sidebar row clicked has the focus')
        type_text('duty to warn')
        entry = find(app, lambda a: role(a) == 'entry' and a.name == 'Search the codes')
        typed = wait_for(lambda: 'duty to warn' in entry_texts(entry), 'the search text', 6)
        check(bool(typed), 'typed from the sidebar, the search keeps its spaces (%r)'
              % (entry_texts(entry) if entry else None))
        results = wait_for(lambda: (lambda l: l if l and l.childCount > 1 else None)(
            list_named(app, 'Search results')), 'the results')
        first = children(results)[0].name if results else ''
        check(first == 'Compare the topic “Limits of confidentiality / duty to warn” across the '
                       'codes', '"duty to warn" lists the topic first (%r)' % first)

        # Down into the results, Escape there: the search ends, as in the entry.
        pyatspi.Registry.generateKeyboardEvent(0xff54, None, pyatspi.KEY_SYM)   # Down
        time.sleep(0.4)
        pyatspi.Registry.generateKeyboardEvent(0xff1b, None, pyatspi.KEY_SYM)   # Escape
        cleared = wait_for(lambda: entry_texts(entry) and not any(entry_texts(entry)),
                           'the search to end', 6)
        check(bool(cleared), 'Escape in the results ends the search (%r)' % entry_texts(entry))

        # No Results, then Down: the focus stays in the entry, so Escape still
        # ends the search (it went to the hidden list, and the text stayed).
        type_text('zzzqqq')
        wait_for(lambda: 'zzzqqq' in entry_texts(entry), 'the search text', 6)
        time.sleep(0.6)
        pyatspi.Registry.generateKeyboardEvent(0xff54, None, pyatspi.KEY_SYM)   # Down
        time.sleep(0.4)
        pyatspi.Registry.generateKeyboardEvent(0xff1b, None, pyatspi.KEY_SYM)   # Escape
        cleared = wait_for(lambda: entry_texts(entry) and not any(entry_texts(entry)),
                           'the search to end', 6)
        check(bool(cleared), 'No Results, Down, Escape: the search ends (%r)' % entry_texts(entry))

        # Compare (Ctrl+T): its topic drop-down, where the focus lands.
        if shutil.which('xdotool'):
            subprocess.run(['xdotool', 'key', 'ctrl+t'], check=False)
            topic = wait_for(lambda: find(app, lambda a: role(a) == 'combo box' and
                                          a.name == 'Topic'), 'the Compare page', 8)
            bad = control_names_problems(app)
            check(topic is not None and not bad,
                  'Compare: the topic is named, no control after its class (%s)' % '; '.join(bad))
    finally:
        ethos.close()


def test_spanish(build_root, tmp):
    ethos = Ethos(build_root, tmp, 'es', ('nohs', '3'))
    try:
        app = ethos.app
        if app is None:
            check(False, 'Ethos appears on the accessibility bus (Spanish)')
            return
        tabs = wait_for(lambda: [a.name for a in find_all(app, lambda a: role(a) == 'page tab')],
                        'the page tabs')
        check(tabs and 'Códigos' in tabs and 'Formularios' in tabs,
              'run from the build tree in Spanish, the pages are named in Spanish (%r)' % tabs)
        tree = wait_for(lambda: list_named(app, 'Códigos, secciones y apartados'), 'the sidebar')
        names = wait_for(lambda: [r.name for r in children(tree)] if tree and tree.childCount > 10
                         else None, 'the unfolded sidebar') or []
        check(any(n.startswith('NOHS Norma 3: ') for n in names),
              'the kind of item is translated ("NOHS Norma 3: …")')
    finally:
        ethos.close()


def main():
    build_root = sys.argv[1]
    launcher = subprocess.Popen(['/usr/libexec/at-spi-bus-launcher', '--launch-immediately'],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    try:
        with tempfile.TemporaryDirectory(prefix='ethos-atspi-') as tmp:
            test_names_and_typing(build_root, tmp)
            test_spanish(build_root, tmp)
    finally:
        launcher.terminate()
    print('1..%d' % count)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
