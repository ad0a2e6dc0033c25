#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The core's rooms keep their rule (src/core/README.md).

- Every source and header of src/core lives in one of the rooms.
- A room includes only its own headers and those of the rooms below it:
  store → forms → layout → base, codes → base, and sheets → codes, layout.
- No header name is used by two rooms.
- The Unicode classification (layout/ethos-unicode.c) knows no fonts.
- No two core modules include each other (a module is a .c with its .h and
  -private.h), directly or through others.

Usage: check-core-rooms.py SOURCE_ROOT
"""

import os
import re
import sys

BELOW = {
    'base': {'base'},
    'codes': {'codes', 'base'},
    'layout': {'layout', 'base'},
    'forms': {'forms', 'layout', 'base'},
    'store': {'store', 'forms', 'layout', 'base'},
    'sheets': {'sheets', 'codes', 'layout', 'base'},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
SYSTEM_INCLUDE = re.compile(r'^\s*#\s*include\s+[<"]([^">]+)[">]', re.M)

failures = []


def fail(message):
    failures.append(message)
    print('not ok: ' + message)


def module_of(name):
    base = re.sub(r'\.(c|h)$', '', name)
    return re.sub(r'-private$', '', base)


def main(root):
    core = os.path.join(root, 'src', 'core')
    room_of = {}
    files = []
    for entry in sorted(os.listdir(core)):
        path = os.path.join(core, entry)
        if os.path.isfile(path):
            if entry.endswith(('.c', '.h')):
                fail(f'src/core/{entry} is in no room')
            continue
        if entry not in BELOW:
            fail(f'src/core/{entry}/ is not a room of src/core/README.md')
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith(('.c', '.h')):
                continue
            if name.endswith('.h'):
                if name in room_of:
                    fail(f'{name} is in both {room_of[name]}/ and {entry}/')
                room_of[name] = entry
            files.append((entry, name))

    graph = {}
    for room, name in files:
        with open(os.path.join(core, room, name), encoding='utf-8') as f:
            text = f.read()
        mod = module_of(name)
        for header in INCLUDE.findall(text):
            if header == 'config.h':
                continue
            target = room_of.get(header)
            if target is None:
                fail(f'{room}/{name} includes "{header}", which is not a core header')
                continue
            if target not in BELOW[room]:
                fail(f'{room}/{name} includes {target}/{header}: {room} may only include '
                     f'{", ".join(sorted(BELOW[room]))}')
            dep = module_of(header)
            if dep != mod:
                graph.setdefault(mod, set()).add(dep)
        if name == 'ethos-unicode.c':
            for header in SYSTEM_INCLUDE.findall(text):
                if 'fontconfig' in header or 'ft2build' in header or 'fonts' in header:
                    fail(f'layout/ethos-unicode.c includes {header}: it must work without fonts')

    # Circles between modules: depth-first search for a back edge.
    state = {}

    def visit(node, stack):
        state[node] = 'open'
        for dep in sorted(graph.get(node, ())):
            if state.get(dep) == 'open':
                cycle = stack[stack.index(dep):] + [dep] if dep in stack else [node, dep]
                fail('modules include each other: ' + ' → '.join(cycle))
            elif dep not in state:
                visit(dep, stack + [dep])
        state[node] = 'done'

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])

    if failures:
        print(f'{len(failures)} problem(s)')
        return 1
    print(f'ok: {len(files)} files in {len(BELOW)} rooms, every include points down')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else '.'))
