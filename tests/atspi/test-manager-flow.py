#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The agency manager's flow, as a screen reader performs it (issue 9):
open Forms, choose Informed Consent, Duplicate to Edit; delete the "right to
stop" clause and hear the coverage panel name nohs-2#withdraw as not
covered; Undo and hear it covered again; lock a clause; Save as a major
change (version 2.0); `ethos-cli templates` on the same user database lists
it; export it through the file chooser and import it into a fresh user
database.

Usage (meson runs it):
  xvfb-run -a dbus-run-session -- test-manager-flow.py ETHOS_BINARY ETHOS_CLI
"""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ethos_atspi import (Failure, Session, act, find, key, main, set_text,  # noqa: E402
                         showing, wait_find, wait_for, walk)

TEMPLATE_ID = 'informed-consent-riverbend'


def cli(*args):
    return subprocess.run([sys.argv[2]] + list(args), capture_output=True, text=True)


def named_prefix(root, role, prefix):
    return find(root, role, prefix=prefix)


def select_row(list_node, row):
    list_node.querySelection().selectChild(row.getIndexInParent())


def open_menu(button):
    """GTK 4.8's menu button has no action of its own: its inner toggle does."""
    for node in walk(button):
        try:
            action = node.queryAction()
        except Exception:
            continue
        names = [action.getName(i) for i in range(action.nActions)]
        for wanted in ('click', 'toggle', 'activate', 'press'):
            if wanted in names:
                action.doAction(names.index(wanted))
                return
    raise Failure('the menu button “%s” cannot be pressed: %s'
                  % (button.name, [(n.getRoleName(), n.name) for n in walk(button)]))


def coverage_says(editor, element, status):
    panel = find(editor, 'list', 'Coverage of the required standards')
    if panel is None:
        return None
    return find(panel, 'list item', prefix='%s: %s' % (element, status))


def test():
    home = tempfile.mkdtemp(prefix='ethos-atspi-manager-')
    documents = os.path.join(home, 'Documents')
    exported = os.path.join(documents, TEMPLATE_ID + '.json')
    db = os.path.join(home, 'data', 'ethos', 'user.db')
    fresh = os.path.join(home, 'fresh.db')
    os.makedirs(documents)
    os.makedirs(os.path.join(home, 'config'))
    with open(os.path.join(home, 'config', 'user-dirs.dirs'), 'w') as f:
        f.write('XDG_DOCUMENTS_DIR="%s"\n' % documents)
    # The agency's name, set as IT would from a script, names the copy.
    os.makedirs(os.path.dirname(db))
    result = cli('--db', db, 'agency', 'set', 'agency_name', 'Riverbend')
    if result.returncode != 0:
        raise Failure('ethos-cli agency set: ' + result.stderr)

    session = Session(sys.argv[1], home)
    try:
        window = session.window()
        act(wait_find(window, 'page tab', 'Forms'), 'click')
        row = wait_find(window, 'list item', prefix='Informed Consent for Services',
                        what='the Informed Consent row')
        select_row(row.parent, row)

        # Built-in: read-only. Its copy is saved at once and opened.
        act(wait_find(window, 'push button', 'Duplicate the template to edit it'), 'click')
        try:
            editor = wait_for('the editor', lambda: next(
                (n for n in walk(window) if n.name == 'Template editor'
                 and n.getRoleName() in ('panel', 'grouping') and showing(n)), None), 8)
        except Failure:
            for top in session.app:
                print('# top', top.getRoleName(), repr(top.name))
                for n in walk(top):
                    if n.getRoleName() in ('panel', 'grouping', 'dialog', 'alert', 'label') \
                            and n.name:
                        print('#  ', n.getRoleName(), repr(n.name)[:100], showing(n))
            raise
        clauses = wait_find(editor, 'list', 'Clauses')

        # Delete "Your right to stop": the coverage panel names the element.
        stop = wait_find(clauses, 'list item', prefix='Your right to stop',
                         what='the row of “Your right to stop”')
        select_row(clauses, stop)
        time.sleep(0.3)
        act(wait_find(editor, 'push button', 'Delete the clause'), 'click')
        wait_for('the panel to name nohs-2#withdraw as not covered',
                 lambda: coverage_says(editor, 'nohs-2#withdraw', 'Not covered'))
        if find(clauses, 'list item', prefix='Your right to stop') is not None:
            raise Failure('the deleted clause is still listed')

        # Undo: covered again.
        act(wait_find(editor, 'push button', 'Undo'), 'click')
        wait_for('the panel to name nohs-2#withdraw as covered',
                 lambda: coverage_says(editor, 'nohs-2#withdraw', 'Covered by'))
        wait_find(clauses, 'list item', prefix='Your right to stop',
                  what='the clause back in the list')

        # Lock "Our services" (unlocked in the built-in form).
        services = wait_find(clauses, 'list item', prefix='Our services',
                             what='the row of “Our services”')
        select_row(clauses, services)
        try:
            # GTK 4.8 may say the row's title twice in the switch's name.
            lock = wait_for('the Locked switch', lambda: next(
                (n for n in walk(editor) if (n.name or '').startswith('Locked') and showing(n)
                 and n.getRoleName() in ('toggle button', 'switch', 'check box')), None), 5)
        except Failure:
            for n in walk(editor):
                if 'ock' in (n.name or ''):
                    print('#', n.getRoleName(), repr(n.name), showing(n))
            raise
        act(lock, 'toggle', 'click', 'activate')
        wait_find(clauses, 'list item', prefix='Our services, Locked',
                  what='the clause marked locked')

        # Save as a major change: 2.0.
        act(wait_find(editor, 'push button', 'Save'), 'click')
        major = wait_for('the Save dialog', lambda: next(
            (n for top in session.app if top is not None
             for n in walk(top) if n.getRoleName() == 'push button'
             and (n.name or '').replace('_', '').startswith('Major Change (2.0)')
             and showing(n)), None))
        act(major, 'click')
        wait_for('version 2.0 in the database', lambda: '\t2.0\t' in
                 next((line for line in cli('--db', db, 'templates').stdout.splitlines()
                       if line.startswith(TEMPLATE_ID + '\t')), ''))
        listed = cli('--db', db, 'templates').stdout
        if TEMPLATE_ID + '\t2.0\ten,es\tagency\tInformed Consent for Services (Riverbend)' \
                not in listed:
            raise Failure('ethos-cli templates does not list version 2.0: ' + listed)

        # Export through the file chooser, from the template menu.
        open_menu(wait_find(editor, 'push button', 'Template menu'))
        item = wait_for('the Export Template item', lambda: next(
            (n for top in session.app if top is not None for n in walk(top)
             if (n.name or '').replace('_', '') == 'Export Template…' and showing(n)), None))
        act(item, 'click', 'activate')
        chooser = wait_for('the file chooser', lambda: next(
            (top for top in session.app
             if top is not None and top.name == 'Export the Template'), None))
        name = wait_find(chooser, 'text', 'Name:', what='the chooser’s Name entry')
        set_text(name, os.path.basename(exported))
        time.sleep(0.5)
        key('Return')
        wait_for('the exported template', lambda: os.path.exists(exported)
                 and os.path.getsize(exported) > 0)
        time.sleep(0.3)
    finally:
        session.close()

    # Imported into a fresh user database, as IT would on another machine.
    result = cli('--db', fresh, 'template', 'import', exported)
    if result.returncode != 0:
        raise Failure('ethos-cli template import: ' + result.stderr)
    listed = cli('--db', fresh, 'templates').stdout
    if TEMPLATE_ID + '\t2.0\ten,es\tagency\t' not in listed:
        raise Failure('the fresh database does not list the import: ' + listed)
    result = cli('--db', fresh, 'coverage', TEMPLATE_ID)
    if 'nohs-2#withdraw\tcovered' not in result.stdout:
        raise Failure('the imported template lost the right to stop: ' + result.stdout)


if __name__ == '__main__':
    main(test)
