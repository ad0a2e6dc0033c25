#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Flatpak manifest cannot be built offline; this checks what can be:
well-formed JSON, the app id, a GNOME runtime new enough, the permissions
(no network, no file system but the deployment folders, read-only), that
every module has sources, every local
path exists, git sources are pinned by commit (libharu by the commit in
PLATFORM-NOTES.md), downloads have a SHA-256, the command is a binary meson
installs, and each Debian font package is the version installed here (the
one the tests print with), with the files the module installs and, where
apt's index is present, the same SHA-256.

Usage: test-flatpak.py SOURCE_ROOT BUILD_ROOT
"""

import fnmatch
import json
import os
import re
import subprocess
import sys

APP_ID = 'io.github.ethosapp.Ethos'
LIBHARU_URL = 'https://github.com/libharu/libharu.git'
LIBHARU_TAG = 'v2.4.6'
LIBHARU_COMMIT = '3467749fd1c0ab6ca6ed424d053b1ea53c1bf67c'
REQUIRED_ARGS = {'--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'}
# What IT deploys, read-only (flatpak/README.md, "Deployed templates and
# profile"): the host's data directories (ethos/templates/, ethos/agency.json
# under /usr/share and /usr/local/share, seen at /run/host), and the places a
# network share is mounted.
DEPLOYMENT_ARGS = {'--filesystem=host-os:ro', '--filesystem=/mnt:ro', '--filesystem=/media:ro',
                   '--filesystem=xdg-run/gvfs:ro'}
# The fonts the form engine asks fontconfig for (src/core/ethos-fonts.c).
FONT_PACKAGES = {'fonts-liberation2', 'fonts-arphic-uming', 'fonts-nanum', 'fonts-ipafont-gothic'}
DEB_URL = re.compile(r'^https?://deb\.debian\.org/debian/pool/main/[^/]+/[^/]+/'
                     r'(?P<package>[a-z0-9.+-]+)_(?P<version>[^_]+)_all\.deb$')

failures = []


def fail(message):
    failures.append(message)
    print('not ok: ' + message)


def installed_executables(build_root):
    with open(os.path.join(build_root, 'meson-info', 'intro-targets.json'), encoding='utf-8') as f:
        targets = json.load(f)
    return {t['name'] for t in targets if t['type'] == 'executable' and t['installed']}


def check_sources(module, manifest_dir):
    sources = module.get('sources') or []
    if not sources:
        fail('module %s has no sources' % module.get('name'))
    for source in sources:
        kind = source.get('type')
        if 'path' in source:
            path = os.path.normpath(os.path.join(manifest_dir, source['path']))
            if not os.path.exists(path):
                fail('module %s names %s, which does not exist' % (module['name'], path))
        if kind == 'git':
            if not re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')):
                fail('git source of %s is not pinned by a commit' % module['name'])
        elif kind in ('archive', 'file') and 'url' in source:
            if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
                fail('download of %s has no SHA-256' % module['name'])
        elif kind not in ('dir', 'file', 'patch', 'script', 'shell'):
            fail('module %s: unexpected source type %s' % (module['name'], kind))


def dpkg(*args):
    result = subprocess.run(['dpkg-query', *args], capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else None


def apt_sha256(package, version):
    result = subprocess.run(['apt-cache', 'show', '%s=%s' % (package, version)],
                            capture_output=True, text=True)
    match = re.search(r'^SHA256: ([0-9a-f]{64})$', result.stdout, re.M)
    return match.group(1) if match else None


def check_font_module(module):
    packages = []
    for source in module.get('sources', []):
        match = DEB_URL.match(source.get('url', ''))
        if not match:
            continue
        package, version = match.group('package'), match.group('version')
        packages.append(package)
        installed = dpkg('-W', '-f=${Version}', package)
        if installed != version:
            fail('%s %s in the manifest, %s installed here: the Flatpak must ship the fonts '
                 'the tests print with' % (package, version, installed))
            continue
        listing = (dpkg('-L', package) or '').splitlines()
        commands = ' '.join(module.get('build-commands', []))
        if os.path.basename(source['url']) not in commands:
            fail('module %s does not unpack %s' % (module['name'], os.path.basename(source['url'])))
        for path in re.findall(r'(?<![\w/])(usr/share/\S+)', commands):
            if not any(fnmatch.fnmatch(line, '/' + path) for line in listing):
                fail('%s has no file %s' % (package, path))
        expected = apt_sha256(package, version)
        if expected is None:
            print('# %s: no apt index here to compare the SHA-256 with' % package)
        elif expected != source['sha256']:
            fail('%s: SHA-256 %s in the manifest, %s in apt\'s index'
                 % (package, source['sha256'], expected))
        else:
            print('# %s %s: SHA-256 matches apt\'s index' % (package, version))
    return packages


def main():
    root, build_root = sys.argv[1], sys.argv[2]
    manifest_path = os.path.join(root, 'flatpak', APP_ID + '.json')
    with open(manifest_path, encoding='utf-8') as f:
        try:
            manifest = json.load(f)
        except json.JSONDecodeError as e:
            fail('%s is not valid JSON: %s' % (manifest_path, e))
            return 1
    manifest_dir = os.path.dirname(manifest_path)

    if manifest.get('id', manifest.get('app-id')) != APP_ID:
        fail('the app id is not %s' % APP_ID)
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        fail('not the GNOME runtime and SDK')
    version = str(manifest.get('runtime-version', ''))
    if not version.isdigit() or int(version) < 45:
        fail('runtime-version %r: GTK >= 4.8 and libadwaita >= 1.2 need GNOME 43; we build on 45+'
             % version)

    args = set(manifest.get('finish-args', []))
    for arg in sorted(REQUIRED_ARGS - args):
        fail('finish-args lacks %s' % arg)
    for arg in sorted(args):
        if arg in DEPLOYMENT_ARGS:
            continue
        if arg == '--share=network' or arg.startswith(('--filesystem', '--device=all',
                                                       '--socket=session-bus')):
            fail('finish-args grants %s: Ethos needs no network and opens files through '
                 'the portal (only the deployment folders, read-only)' % arg)
    for arg in sorted(DEPLOYMENT_ARGS - args):
        fail('finish-args lacks %s: the sandbox would not see the deployed templates and '
             'agency profile (flatpak/README.md)' % arg)
    for arg in sorted(DEPLOYMENT_ARGS):
        if not arg.endswith(':ro'):
            fail('%s is not read-only' % arg)

    command = manifest.get('command')
    executables = installed_executables(build_root)
    if command not in executables:
        fail('command %r is not an executable meson installs (%s)'
             % (command, ', '.join(sorted(executables))))

    modules = manifest.get('modules', [])
    if not modules:
        fail('no modules')
    font_packages = set()
    for module in modules:
        if not isinstance(module, dict) or not module.get('name'):
            fail('a module without a name: %r' % (module,))
            continue
        check_sources(module, manifest_dir)
        font_packages.update(check_font_module(module))

    libharu = [m for m in modules if isinstance(m, dict) and m.get('name') == 'libharu']
    if len(libharu) != 1:
        fail('no libharu module')
    else:
        source = libharu[0]['sources'][0]
        if libharu[0].get('buildsystem') not in ('cmake', 'cmake-ninja'):
            fail('libharu is not built with cmake')
        if (source.get('type'), source.get('url'), source.get('tag'), source.get('commit')) != \
                ('git', LIBHARU_URL, LIBHARU_TAG, LIBHARU_COMMIT):
            fail('libharu is not %s tag %s at %s' % (LIBHARU_URL, LIBHARU_TAG, LIBHARU_COMMIT))

    for package in sorted(FONT_PACKAGES - font_packages):
        fail('no module installs the fonts of %s' % package)

    app = modules[-1] if modules and isinstance(modules[-1], dict) else {}
    if app.get('name') != 'ethos' or app.get('buildsystem') != 'meson':
        fail('the last module is not ethos built with meson')
    else:
        dirs = [s for s in app.get('sources', []) if s.get('type') == 'dir']
        if len(dirs) != 1 or os.path.realpath(os.path.join(manifest_dir, dirs[0]['path'])) != \
                os.path.realpath(root):
            fail('the ethos module does not build this source tree')

    if failures:
        print('%d problem(s)' % len(failures))
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
