#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""`meson install --destdir` into a temporary directory puts every file
where it belongs, and the installed ethos-cli finds its data there.

The installed program looks for its data under the configured prefix, not
under the destdir. Where this machine allows a private mount namespace
(`unshare`), the test mounts the installed tree over the prefix and runs the
installed ethos-cli exactly as a user would, with no ETHOS_DATA_DIR: codes,
templates and Spanish messages must all come from the installed files.
Elsewhere it runs it with ETHOS_DATA_DIR pointing into the destdir and
checks, from the error it gives without it, that it looks in the prefix.

Usage: test-install.py SOURCE_ROOT BUILD_ROOT
"""

import glob
import json
import os
import subprocess
import sys
import tempfile

APP_ID = 'io.github.ethosapp.Ethos'

failures = []


def fail(message):
    failures.append(message)
    print('not ok: ' + message)


def build_options(build_root):
    with open(os.path.join(build_root, 'meson-info', 'intro-buildoptions.json'),
              encoding='utf-8') as f:
        options = {o['name']: o['value'] for o in json.load(f)}
    prefix = options['prefix']
    return {name: os.path.join(prefix, options[name])
            for name in ('bindir', 'datadir', 'mandir', 'localedir', 'libexecdir')} | \
        {'prefix': prefix}


def installed_executables(build_root):
    with open(os.path.join(build_root, 'meson-info', 'intro-targets.json'), encoding='utf-8') as f:
        return {t['name'] for t in json.load(f) if t['type'] == 'executable' and t['installed']}


def expect_file(path, what):
    if not os.path.isfile(path):
        fail('%s is not installed (%s)' % (what, path))
        return False
    return True


def check_tree(root, build_root, dest, dirs):
    def at(path):
        return dest + path

    bindir, datadir = at(dirs['bindir']), at(dirs['datadir'])
    if expect_file(os.path.join(bindir, 'ethos-cli'), 'ethos-cli') and \
            not os.access(os.path.join(bindir, 'ethos-cli'), os.X_OK):
        fail('the installed ethos-cli is not executable')
    if 'ethos' in installed_executables(build_root):
        expect_file(os.path.join(bindir, 'ethos'), 'the ethos application')
    else:
        print('# skip: the GTK application "ethos" is not built by meson yet')

    pkgdata = os.path.join(datadir, 'ethos')
    expect_file(os.path.join(pkgdata, 'corpus.db'), 'the codes index')
    expect_file(os.path.join(pkgdata, 'templates', 'requirements.json'), 'requirements.json')
    for source in glob.glob(os.path.join(root, 'data', 'templates', '*.json')):
        expect_file(os.path.join(pkgdata, 'templates', os.path.basename(source)),
                    'template ' + os.path.basename(source))

    desktop = os.path.join(datadir, 'applications', APP_ID + '.desktop')
    if expect_file(desktop, 'the desktop file'):
        if subprocess.run(['desktop-file-validate', desktop]).returncode != 0:
            fail('the installed desktop file does not validate')
    expect_file(os.path.join(datadir, 'metainfo', APP_ID + '.metainfo.xml'), 'the metainfo')
    expect_file(os.path.join(datadir, 'icons', 'hicolor', 'scalable', 'apps', APP_ID + '.svg'),
                'the app icon')
    expect_file(os.path.join(datadir, 'icons', 'hicolor', 'symbolic', 'apps',
                             APP_ID + '-symbolic.svg'), 'the symbolic icon')
    expect_file(os.path.join(at(dirs['mandir']), 'man1', 'ethos-cli.1'), 'the man page')
    check_dbus(datadir, at(dirs['libexecdir']), dirs)
    expect_file(os.path.join(at(dirs['localedir']), 'es', 'LC_MESSAGES', 'ethos.mo'),
                'the Spanish translation')
    for schema in glob.glob(os.path.join(root, 'data', '*.gschema.xml')):
        name = os.path.basename(schema)
        if expect_file(os.path.join(datadir, 'glib-2.0', 'schemas', name), name):
            compiled = subprocess.run(['glib-compile-schemas', '--strict', '--dry-run',
                                       os.path.join(datadir, 'glib-2.0', 'schemas')])
            if compiled.returncode != 0:
                fail('the installed schemas do not compile')


def read_keys(path):
    keys = {}
    with open(path, encoding='utf-8') as f:
        for line in f:
            if '=' in line and not line.startswith('#'):
                key, value = line.strip().split('=', 1)
                keys[key] = value
    return keys


def check_dbus(datadir, libexecdir, dirs):
    """GNOME Shell's search provider: its program, the D-Bus service that
    starts it and the .ini that tells GNOME Shell about it; and Ethos's own
    service, which opens the result chosen."""
    provider = os.path.join(libexecdir, 'ethos-search-provider')
    if expect_file(provider, 'the search provider') and not os.access(provider, os.X_OK):
        fail('the installed search provider is not executable')
    services = os.path.join(datadir, 'dbus-1', 'services')
    wanted = {
        APP_ID + '.SearchProvider.service': (APP_ID + '.SearchProvider',
                                             os.path.join(dirs['libexecdir'],
                                                          'ethos-search-provider')),
        APP_ID + '.service': (APP_ID, os.path.join(dirs['bindir'], 'ethos') +
                              ' --gapplication-service'),
    }
    for name, (bus_name, exec_line) in wanted.items():
        path = os.path.join(services, name)
        if expect_file(path, 'the D-Bus service ' + name):
            keys = read_keys(path)
            if keys.get('Name') != bus_name or keys.get('Exec') != exec_line:
                fail('%s says Name=%s Exec=%s' % (name, keys.get('Name'), keys.get('Exec')))
    ini = os.path.join(datadir, 'gnome-shell', 'search-providers', APP_ID + '.search-provider.ini')
    if expect_file(ini, 'the search provider .ini'):
        keys = read_keys(ini)
        if keys.get('BusName') != APP_ID + '.SearchProvider' or \
                keys.get('DesktopId') != APP_ID + '.desktop' or keys.get('Version') != '2' or \
                keys.get('ObjectPath') != '/io/github/ethosapp/Ethos/SearchProvider':
            fail('the search provider .ini is wrong: %r' % keys)


def run_cli(argv, env, cwd):
    result = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd)
    return result.returncode, result.stdout, result.stderr


def base_env(tmp):
    env = {k: v for k, v in os.environ.items() if k not in ('ETHOS_DATA_DIR', 'LANGUAGE')}
    env.update(LC_ALL='C.UTF-8', XDG_DATA_HOME=os.path.join(tmp, 'home'),
               XDG_CONFIG_HOME=os.path.join(tmp, 'config'), XDG_DATA_DIRS=os.path.join(tmp, 'none'))
    return env


def check_cli_output(cli, env, tmp, has_templates):
    status, out, err = run_cli([cli, 'codes'], env, tmp)
    if status != 0 or len(out.splitlines()) != 4 or not out.startswith('nohs\t'):
        fail('installed "ethos-cli codes": %d\n%s%s' % (status, out, err))
    status, out, err = run_cli([cli, 'show', 'nohs', '3'], env, tmp)
    if status != 0 or 'Standard 3' not in out:
        fail('installed "ethos-cli show nohs 3": %d\n%s' % (status, err))
    status, out, err = run_cli([cli, 'docset', '-o', os.path.join(tmp, 'docset')], env, tmp)
    if status != 0 or not os.path.isfile(os.path.join(tmp, 'docset', 'Ethos.docset', 'Contents',
                                                      'Resources', 'docSet.dsidx')):
        fail('installed "ethos-cli docset": %d\n%s' % (status, err))
    if has_templates:
        status, out, err = run_cli([cli, 'templates'], env, tmp)
        if status != 0 or 'informed-consent' not in out:
            fail('installed "ethos-cli templates" does not find the built-in templates: %d\n%s'
                 % (status, err))
    else:
        print('# skip: ethos-cli has no "templates" command yet')


def main():
    root, build_root = sys.argv[1], sys.argv[2]
    dirs = build_options(build_root)
    with tempfile.TemporaryDirectory(prefix='ethos-install-') as tmp:
        dest = os.path.join(tmp, 'dest')
        result = subprocess.run(['meson', 'install', '-C', build_root, '--destdir', dest,
                                 '--no-rebuild', '--quiet'], capture_output=True, text=True)
        if result.returncode != 0:
            fail('meson install failed:\n' + result.stdout + result.stderr)
            return 1
        check_tree(root, build_root, dest, dirs)

        cli = dest + os.path.join(dirs['bindir'], 'ethos-cli')
        if not os.path.isfile(cli):
            return 1
        env = base_env(tmp)
        help_text = run_cli([cli, '--help'], env, tmp)[1]
        has_templates = '\n  templates ' in help_text

        # The installed tree seen at the prefix, in a private mount namespace.
        prefix = dirs['prefix']
        unshare = ['unshare', '--mount'] + ([] if os.geteuid() == 0 else ['--map-root-user'])
        probe = subprocess.run(unshare + ['true'], capture_output=True)
        # ETHOS_TEST_NO_UNSHARE=1 forces the fallback, to test it too.
        if probe.returncode == 0 and prefix not in ('/', '/usr') and os.path.isdir(prefix) and \
                not os.environ.get('ETHOS_TEST_NO_UNSHARE'):
            # The program is run by its installed path, under the prefix.
            wrapper = os.path.join(tmp, 'at-prefix.sh')
            with open(wrapper, 'w') as f:
                f.write('#!/bin/sh\nmount --bind "$1" "$2" || exit 125\nshift 2\nexec "$@"\n')
            os.chmod(wrapper, 0o755)
            installed_cli = os.path.join(dirs['bindir'], 'ethos-cli')
            mounted = unshare + [wrapper, dest + prefix, prefix, installed_cli]
            print('# running the installed ethos-cli at %s (private mount namespace)'
                  % installed_cli)
            check_cli_output_at_prefix(mounted, env, tmp, has_templates)
        else:
            print('# no private mount namespace here: using ETHOS_DATA_DIR')
            status, out, err = run_cli([cli, 'codes'], env, tmp)
            expected = os.path.join(dirs['datadir'], 'ethos', 'corpus.db')
            if status == 0:
                if not os.path.isfile(expected):
                    fail('the installed ethos-cli found an index without ETHOS_DATA_DIR '
                         'although %s does not exist' % expected)
            elif expected not in err:
                fail('without ETHOS_DATA_DIR the installed ethos-cli does not look for %s:\n%s'
                     % (expected, err))
            env_data = dict(env, ETHOS_DATA_DIR=dest + os.path.join(dirs['datadir'], 'ethos'))
            check_cli_output(cli, env_data, tmp, has_templates)
            check_catalogue(dest + os.path.join(dirs['localedir'], 'es', 'LC_MESSAGES', 'ethos.mo'))

    if failures:
        print('%d problem(s)' % len(failures))
        return 1
    print('ok')
    return 0


def check_cli_output_at_prefix(mounted, env, tmp, has_templates):
    def run(args, extra_env=None):
        return run_cli(mounted + args, dict(env, **(extra_env or {})), tmp)

    status, out, err = run(['codes'])
    if status == 125:
        fail('could not mount the installed tree over the prefix: ' + err)
        return
    if status != 0 or len(out.splitlines()) != 4 or not out.startswith('nohs\t'):
        fail('installed "ethos-cli codes" at the prefix: %d\n%s%s' % (status, out, err))
    status, out, err = run(['docset', '-o', os.path.join(tmp, 'docset')])
    if status != 0:
        fail('installed "ethos-cli docset" at the prefix: %d\n%s' % (status, err))
    if has_templates:
        status, out, err = run(['templates'])
        if status != 0 or 'informed-consent' not in out:
            fail('installed "ethos-cli templates" does not find the installed templates: %d\n%s'
                 % (status, err))
    else:
        print('# skip: ethos-cli has no "templates" command yet')
    # Messages come from the installed catalogue (glibc honours LANGUAGE in
    # C.UTF-8). The same run without LANGUAGE is English.
    status, out, err = run(['--help'], {'LANGUAGE': 'es'})
    if status != 0 or 'Uso:' not in out or 'Usage:' in out:
        fail('LANGUAGE=es: the installed ethos-cli does not speak Spanish:\n%s' % out)
    status, out, err = run(['--help'])
    if status != 0 or 'Usage:' not in out:
        fail('without LANGUAGE the installed ethos-cli is not in English:\n%s' % out)


def check_catalogue(mo):
    """Without a mount namespace: the installed catalogue itself is Spanish."""
    result = subprocess.run(['msgunfmt', '--no-wrap', mo], capture_output=True, text=True)
    if result.returncode != 0 or 'msgid "Usage:"\nmsgstr "Uso:"' not in result.stdout:
        fail('%s does not translate "Usage:"' % mo)


if __name__ == '__main__':
    sys.exit(main())
