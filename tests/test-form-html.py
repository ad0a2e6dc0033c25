#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The accessible HTML form (issue 10, "Accessible output"), read back with
a parser: lang on <html>, a <title>, headings in order from h1, lists as
lists, every blank an element whose aria-label names what goes there,
signature blocks as labelled groups, no script and no external resource,
mode 0600, and `tidy -q -errors` reports nothing.

Usage: test-form-html.py ETHOS_CLI
"""

import html.parser
import os
import shutil
import stat
import subprocess
import sys
import tempfile

failures = []


def fail(message):
    failures.append(message)
    print('not ok: ' + message)


class Reader(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.title = ''
        self.in_title = False
        self.headings = []
        self.stack = []
        self.blanks = []
        self.groups = []
        self.ids = {}
        self.heading_text = {}
        self.current_heading = None
        self.li_outside_list = 0
        self.external = []
        self.scripts = 0
        self.checks = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'html':
            self.lang = a.get('lang')
        if tag == 'title':
            self.in_title = True
        if tag in ('h1', 'h2', 'h3', 'h4', 'h5', 'h6'):
            self.headings.append(int(tag[1]))
            self.current_heading = a.get('id')
            if self.current_heading:
                self.heading_text[self.current_heading] = ''
        if tag == 'li' and not any(t in ('ul', 'ol') for t in self.stack):
            self.li_outside_list += 1
        if tag in ('script', 'noscript', 'iframe', 'object', 'embed', 'link', 'img'):
            self.scripts += 1
        for name, value in attrs:
            if name in ('src', 'href', 'action', 'data') or name.startswith('on'):
                self.external.append(f'{tag} {name}={value}')
        if 'blank' in (a.get('class') or '').split():
            self.blanks.append(a.get('aria-label') or '')
        if a.get('role') == 'group':
            self.groups.append(a)
        if 'id' in a:
            self.ids[a['id']] = tag
        if a.get('class') == 'box':
            self.checks += 1
        if tag not in ('meta', 'br', 'hr', 'img', 'input', 'link'):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag == 'title':
            self.in_title = False
        if tag in ('h1', 'h2', 'h3', 'h4', 'h5', 'h6'):
            self.current_heading = None
        while self.stack and self.stack[-1] != tag:
            self.stack.pop()
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.current_heading:
            self.heading_text[self.current_heading] += data


def check(path, lang, expect_title, where):
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode != 0o600:
        fail(f'{where}: mode {oct(mode)}, not 0600')
    text = open(path, encoding='utf-8').read()
    r = Reader()
    r.feed(text)
    if not text.startswith('<!DOCTYPE html>'):
        fail(f'{where}: no doctype')
    if r.lang != lang:
        fail(f'{where}: <html lang="{r.lang}">, expected {lang}')
    if r.title.strip() != expect_title:
        fail(f'{where}: <title> is “{r.title}”')
    if not r.headings or r.headings[0] != 1 or r.headings.count(1) != 1:
        fail(f'{where}: headings must start with one h1: {r.headings[:5]}')
    for prev, cur in zip(r.headings, r.headings[1:]):
        if cur > prev + 1:
            fail(f'{where}: heading h{cur} follows h{prev}')
            break
    if r.li_outside_list:
        fail(f'{where}: {r.li_outside_list} list items outside a list')
    if r.scripts or r.external:
        fail(f'{where}: script or external resource: {r.scripts} {r.external[:3]}')
    if 'http:' in text or 'https:' in text or 'url(' in text or '@import' in text:
        fail(f'{where}: refers to something outside the file')
    if any(not label.strip() for label in r.blanks):
        fail(f'{where}: a blank without an aria-label')
    signatures = [g for g in r.groups if g.get('aria-labelledby')]
    if not signatures:
        fail(f'{where}: no signature group')
    for g in signatures:
        target = g['aria-labelledby']
        if target not in r.ids or not r.heading_text.get(target, '').strip():
            fail(f'{where}: signature group labelled by missing “{target}”')
    if shutil.which('tidy'):
        res = subprocess.run(['tidy', '-q', '-errors', path], capture_output=True, text=True)
        if res.stdout.strip() or res.stderr.strip() or res.returncode not in (0, 1):
            fail(f'{where}: tidy reports: {res.stderr.strip()[:300]}')
    else:
        fail('tidy is not installed (build-aux/install-deps.sh installs it)')
    return r


EXTRA = {
    'release-of-information': {'roi_recipient': 'Bayview Clinic',
                               'roi_information': 'Attendance\nand progress',
                               'roi_purpose': 'Care', 'roi_expiry': '2027-06-30'},
    'sud-records-consent': {'roi_recipient': 'Bayview Clinic', 'sud_information': 'Dates',
                            'roi_purpose': 'Care', 'roi_expiry': '2027-06-30'},
    'coaching-agreement': {'sponsor_name': 'Acme', 'sponsor_reporting': 'Attendance only'},
}


def main(cli):
    tmp = tempfile.mkdtemp(prefix='ethos-html-')
    env = dict(os.environ, XDG_DATA_HOME=os.path.join(tmp, 'data'),
               XDG_CONFIG_HOME=os.path.join(tmp, 'config'), LANGUAGE='en')
    db = os.path.join(tmp, 'user.db')

    def run(*args):
        return subprocess.run([cli, '--db', db] + list(args), env=env,
                              capture_output=True, text=True)

    run('agency', 'set', 'agency_name', 'Riverbend <Community> & Services, Inc.')
    titles = {('informed-consent', 'en'): 'Informed Consent for Services',
              ('informed-consent', 'es'): 'Consentimiento informado para servicios',
              ('release-of-information', 'en'): 'Release of Information',
              ('sud-records-consent', 'es'):
                  'Consentimiento para divulgar expedientes de tratamiento por consumo de sustancias',
              ('coaching-agreement', 'en'): 'Coaching / Mentoring Agreement'}
    n = 0
    for (template, lang), title in titles.items():
        for blank in (False, True):
            out = os.path.join(tmp, f'{template}-{lang}-{blank}.html')
            args = ['generate', template, '-o', out, '--format', 'html', '--lang', lang]
            if blank:
                args.append('--blank')
            else:
                values = {'client_name': 'Lucía <b>Pérez</b>', 'client_dob': '2014-05-05'}
                values.update(EXTRA.get(template, {}))
                for field, value in values.items():
                    args += ['--set', f'{field}={value}']
            res = run(*args)
            if res.returncode != 0:
                fail(f'{template} {lang} blank={blank}: exit {res.returncode}: {res.stderr.strip()}')
                continue
            r = check(out, lang, title, f'{template} {lang} blank={blank}')
            text = open(out, encoding='utf-8').read()
            if not blank and '<b>' in text:
                fail(f'{template}: a value is not escaped')
            if blank and not r.checks and template == 'informed-consent':
                fail(f'{template}: a blank form shows no check boxes')
            if blank and len(r.blanks) < 5:
                fail(f'{template} {lang}: only {len(r.blanks)} blanks on a blank form')
            n += 1
    # Large print raises the base size; batch writes .html files.
    csv = os.path.join(tmp, 'rows.csv')
    with open(csv, 'w', encoding='utf-8') as f:
        f.write('client_name\nAna\nBo\n')
    res = run('batch', 'informed-consent', '--csv', csv, '--out-dir', os.path.join(tmp, 'b'),
              '--format', 'html', '--large-print')
    files = sorted(os.listdir(os.path.join(tmp, 'b'))) if res.returncode == 0 else []
    if files != ['0001-informed-consent.html', '0002-informed-consent.html']:
        fail(f'batch --format html wrote {files} ({res.stderr.strip()})')
    else:
        check(os.path.join(tmp, 'b', files[0]), 'en', titles[('informed-consent', 'en')], 'batch')
    res = run('generate', 'informed-consent', '-o', os.path.join(tmp, 'x'), '--format', 'docx')
    if res.returncode != 2 or 'pdf or html' not in res.stderr:
        fail(f'--format docx: exit {res.returncode}, “{res.stderr.strip()}”')
    shutil.rmtree(tmp)
    print(f'{n + 1 - len(failures)} passed, {len(failures)} failed')
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
