#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The translations are complete and valid.

- po/POTFILES.in is sorted, names only files that exist, and names every file
  with user-visible strings (C sources with gettext calls, .ui files with
  translatable properties, the desktop file, metainfo and GSettings schemas).
- The strings of today's sources, extracted with xgettext as meson's 'glib'
  preset does, are all translated in each po/LANG.po: nothing untranslated,
  nothing fuzzy (msgmerge + msgfmt --check --statistics).

Usage: test-po.py SOURCE_ROOT
"""

import os
import re
import subprocess
import sys
import tempfile

# The keywords and flags of meson's i18n.gettext (preset: 'glib').
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]

GETTEXT_CALL = re.compile(r'\b(?:_|N_|C_|NC_|Q_|g_dngettext|g_dpgettext2|ngettext)\s*\(')

failures = []


def fail(message):
    failures.append(message)
    print('not ok: ' + message)


def files_needing_translation(root):
    """Every file of the tree that carries user-visible strings."""
    found = set()
    for top in ('src', 'ui'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            for name in filenames:
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                if name.endswith('.c'):
                    with open(path, encoding='utf-8') as f:
                        if GETTEXT_CALL.search(f.read()):
                            found.add(rel)
                elif name.endswith('.ui'):
                    with open(path, encoding='utf-8') as f:
                        if 'translatable="yes"' in f.read():
                            found.add(rel)
    data = os.path.join(root, 'data')
    for name in os.listdir(data):
        if name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
            found.add(os.path.join('data', name))
    return found


def check_potfiles(root):
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith('#')]
    if listed != sorted(listed):
        fail('po/POTFILES.in is not sorted')
    if len(set(listed)) != len(listed):
        fail('po/POTFILES.in names a file twice')
    for path in listed:
        if not os.path.isfile(os.path.join(root, path)):
            fail('po/POTFILES.in names %s, which does not exist' % path)
    for path in sorted(files_needing_translation(root) - set(listed)):
        fail('%s has user-visible strings but is not in po/POTFILES.in' % path)
    return [p for p in listed if os.path.isfile(os.path.join(root, p))]


def statistics(po_path):
    """(translated, fuzzy, untranslated) from msgfmt --check --statistics."""
    result = subprocess.run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po_path],
                            capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
    if result.returncode != 0:
        fail('msgfmt --check %s: %s' % (os.path.basename(po_path), result.stderr.strip()))
    counts = {'translated': 0, 'fuzzy': 0, 'untranslated': 0}
    for number, kind in re.findall(r'(\d+) (translated|fuzzy|untranslated)', result.stderr):
        counts[kind] = int(number)
    return counts['translated'], counts['fuzzy'], counts['untranslated']


def msgids(po_path, *attrib_args):
    result = subprocess.run(['msgattrib', '--no-wrap', '--no-obsolete', *attrib_args, po_path],
                            capture_output=True, text=True, check=True)
    return re.findall(r'^msgid "(.+)"$', result.stdout, re.M)


def main():
    root = sys.argv[1]
    listed = check_potfiles(root)
    with open(os.path.join(root, 'po', 'LINGUAS'), encoding='utf-8') as f:
        languages = [w for l in f if not l.startswith('#') for w in l.split()]
    if not languages:
        fail('po/LINGUAS names no language')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'ethos.pot')
        subprocess.run(['xgettext', '--package-name=ethos', '--directory=' + root,
                        '--output=' + pot, *XGETTEXT_ARGS, *listed], check=True)
        with open(pot, encoding='utf-8') as f:
            n_strings = len(re.findall(r'^msgid ', f.read(), re.M)) - 1
        print('# %d strings in %d files' % (n_strings, len(listed)))
        if n_strings < 100:
            fail('only %d strings extracted: the extraction is broken' % n_strings)

        for lang in languages:
            po = os.path.join(root, 'po', lang + '.po')
            if not os.path.isfile(po):
                fail('po/LINGUAS names %s but po/%s.po is missing' % (lang, lang))
                continue
            translated, fuzzy, untranslated = statistics(po)
            if fuzzy:
                fail('po/%s.po has %d fuzzy translations' % (lang, fuzzy))
            merged = os.path.join(tmp, lang + '.po')
            subprocess.run(['msgmerge', '--quiet', '--no-wrap', '-o', merged, po, pot], check=True)
            translated, fuzzy, untranslated = statistics(merged)
            print('# %s: %d translated, %d fuzzy, %d untranslated'
                  % (lang, translated, fuzzy, untranslated))
            for msgid in msgids(merged, '--untranslated'):
                fail('%s: untranslated: "%s"' % (lang, msgid))
            for msgid in msgids(merged, '--only-fuzzy'):
                fail('%s: fuzzy (changed since it was translated): "%s"' % (lang, msgid))
            if translated != n_strings:
                fail('%s: %d of %d strings translated' % (lang, translated, n_strings))

    if failures:
        print('%d problem(s); run "ninja -C BUILDDIR ethos-update-po" and translate' % len(failures))
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
