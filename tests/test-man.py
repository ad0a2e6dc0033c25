#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The ethos-cli manual page renders without warnings and agrees with
`ethos-cli --help`: every command the program lists has an entry in COMMANDS,
every long option of every command's --help appears in that entry, and the
exit statuses, environment and files are documented.

Usage: test-man.py BUILT_MAN_PAGE ETHOS_CLI
"""

import os
import re
import subprocess
import sys

failures = []


def fail(message):
    failures.append(message)
    print('not ok: ' + message)


def run(argv, **kwargs):
    env = dict(os.environ, LC_ALL='C.UTF-8')
    env.pop('LANGUAGE', None)
    return subprocess.run(argv, capture_output=True, text=True, env=env, **kwargs)


def render(page):
    # Wide lines and no hyphenation, so that names are never split; no bold,
    # underline or colour sequences.
    result = run(['groff', '-man', '-Tutf8', '-ww', '-rLL=300n', '-rHY=0', '-P-cbou', page])
    if result.returncode != 0 or result.stderr:
        fail('groff reports problems:\n' + result.stderr)
    text = result.stdout.replace('\u2212', '-').replace('\u2010', '-')
    return text


def sections(text):
    """Top-level sections: NAME → body."""
    found = {}
    current = None
    for line in text.splitlines():
        if re.match(r'^[A-Z][A-Z ]+$', line):
            current = line.strip()
            found[current] = []
        elif current is not None:
            found[current].append(line)
    return {name: '\n'.join(lines) for name, lines in found.items()}


def entries(body):
    """Tagged paragraphs of a section at the first indent: first word(s) → text."""
    result = []
    for line in body.splitlines():
        match = re.match(r'^ {7}(\S.*)$', line)
        if match:
            result.append([match.group(1), ''])
        elif result:
            result[-1][1] += line + '\n'
    return result


def help_commands(cli):
    result = run([cli, '--help'], check=True)
    commands = []
    in_commands = False
    for line in result.stdout.splitlines():
        if line.strip() == 'Commands:':
            in_commands = True
        elif in_commands and not line.strip():
            break
        elif in_commands:
            commands.append(line.split()[0])
    return commands, result.stdout


def long_options(help_text):
    options = set(re.findall(r'(?<![\w-])(--[a-z][a-z0-9-]*)', help_text))
    options.discard('--help')
    options.discard('--help-all')
    return options


def main():
    page, cli = sys.argv[1], sys.argv[2]
    with open(page, encoding='utf-8') as f:
        source = f.read()
    if re.search(r'@[A-Z_]+@', source):
        fail('unsubstituted @VARIABLE@ in the built page')

    text = render(page)
    parts = sections(text)
    for name in ('NAME', 'SYNOPSIS', 'DESCRIPTION', 'GLOBAL OPTIONS', 'COMMANDS', 'EXIT STATUS',
                 'ENVIRONMENT', 'FILES', 'SEE ALSO'):
        if name not in parts:
            fail('no %s section' % name)
    if failures:
        return 1

    commands, main_help = help_commands(cli)
    if len(commands) < 5:
        fail('could not read the commands from ethos-cli --help: %r' % commands)
    command_entries = entries(parts['COMMANDS'])
    for command in commands:
        own = [body for head, body in command_entries
               if head == command or head.startswith(command + ' ')]
        heads = [head for head, body in command_entries
                 if head == command or head.startswith(command + ' ')]
        if not own:
            fail('command "%s" of ethos-cli --help has no entry in COMMANDS' % command)
            continue
        result = run([cli, command, '--help'])
        if result.returncode != 0:
            fail('ethos-cli %s --help exits with %d' % (command, result.returncode))
            continue
        documented = '\n'.join(heads) + '\n' + '\n'.join(own)
        for option in sorted(long_options(result.stdout)):
            if not re.search(r'(?<![\w-])' + re.escape(option) + r'(?![\w-])', documented):
                fail('option %s of "ethos-cli %s" is not in its man page entry'
                     % (option, command))
        print('ok: %s' % command)

    for option in long_options(main_help) | {'--help'}:
        if option not in parts['GLOBAL OPTIONS']:
            fail('global option %s is not in GLOBAL OPTIONS' % option)
    statuses = [head.split()[0] for head, body in entries(parts['EXIT STATUS'])]
    if statuses != ['0', '1', '2', '3', '4']:
        fail('EXIT STATUS lists %r, not 0-4' % statuses)
    for variable in ('ETHOS_DATA_DIR', 'XDG_DATA_HOME', 'XDG_DATA_DIRS'):
        if variable not in [h.split()[0].rstrip(',') for h, b in entries(parts['ENVIRONMENT'])]:
            fail('ENVIRONMENT does not describe %s' % variable)
    for name in ('ethos/user.db', 'corpus.db', 'ethos/templates/'):
        if name not in parts['FILES']:
            fail('FILES does not name %s' % name)

    if failures:
        print('%d problem(s)' % len(failures))
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
