#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The counselor's flow, as a screen-reader user performs it (issue 8):
open Forms, choose Informed Consent, type the client's name into the entry
named "Client name", Export PDF to a path through the file chooser, and
read the PDF back.

Usage (meson runs it): xvfb-run -a dbus-run-session -- test-fill-flow.py ETHOS_BINARY
"""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ethos_atspi import (Failure, Session, act, find, key, main, set_text,  # noqa: E402
                         showing, wait_find, wait_for, walk)

CLIENT = 'Nguyễn Thị Minh'


def test():
    home = tempfile.mkdtemp(prefix='ethos-atspi-')
    documents = os.path.join(home, 'Documents')
    out = os.path.join(documents, 'consent-for-client.pdf')
    os.makedirs(documents)
    # Export offers the user's Documents folder first.
    os.makedirs(os.path.join(home, 'config'))
    with open(os.path.join(home, 'config', 'user-dirs.dirs'), 'w') as f:
        f.write('XDG_DOCUMENTS_DIR="%s"\n' % documents)
    session = Session(sys.argv[1], home)
    try:
        window = session.window()
        act(wait_find(window, 'page tab', 'Forms'), 'click')

        # The form's row says its title and its coverage.
        row = wait_find(window, 'list item', prefix='Informed Consent for Services: ',
                        what='the Informed Consent row')
        assert row.name.endswith(' required elements covered'), row.name
        # Chosen as a screen reader chooses in a list: its selection.
        templates = row.parent
        templates.querySelection().selectChild(row.getIndexInParent())

        # The form is a group named by its title; its fields are inside.
        form = wait_for('the form', lambda: next(
            (n for n in walk(window) if n.name == 'Informed Consent for Services'
             and n.getRoleName() in ('panel', 'grouping') and showing(n)), None))
        entry = wait_find(form, 'text', 'Client name', what='the entry named “Client name”')
        set_text(entry, CLIENT)
        wait_for('the preview to show it',
                 lambda: find(form, 'image', prefix='Page 1 of'))

        act(wait_find(window, 'push button', 'Export PDF'), 'click')
        # GTK 4.8 shows the chooser as a top-level "filler" named by its title.
        chooser = wait_for('the file chooser', lambda: next(
            (top for top in session.app if top is not None and top.name == 'Export Form as PDF'),
            None))
        name = wait_find(chooser, 'text', 'Name:', what='the chooser’s Name entry')
        set_text(name, os.path.basename(out))
        # Enter, as the user would press it: the chooser's default, Export.
        time.sleep(0.5)
        key('Return')

        wait_for('the PDF at ' + out, lambda: os.path.exists(out) and os.path.getsize(out) > 0)
        time.sleep(0.5)
        if os.stat(out).st_mode & 0o777 != 0o600:
            raise Failure('the exported PDF is not private (mode %o)' % (os.stat(out).st_mode & 0o777))
        text = subprocess.run(['pdftotext', out, '-'], capture_output=True, text=True,
                              check=True).stdout
        if CLIENT not in text:
            raise Failure('the PDF does not name the client: ' + text[:200])
        if 'Informed Consent for Services' not in text:
            raise Failure('the PDF is not the informed consent form')
    finally:
        session.close()


if __name__ == '__main__':
    main(test)
