#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates the desktop integration files (PRODUCT.md §6).

  test-desktop-data.py desktop  SOURCE_ROOT BUILT_DESKTOP_FILE
  test-desktop-data.py metainfo SOURCE_ROOT BUILT_METAINFO_FILE
  test-desktop-data.py icons    SOURCE_ROOT
  test-desktop-data.py gschemas SOURCE_ROOT

Each runs the platform's own validator (desktop-file-validate, appstreamcli
validate --no-net, glib-compile-schemas --strict) and then checks what the
validators cannot know: that the files agree with each other and with the
app id, and that the translations were merged in.
"""

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

APP_ID = 'io.github.ethosapp.Ethos'
SCREENSHOT_URL = 'https://raw.githubusercontent.com/ethosapp/ethos/main/data/screenshots/'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'

failures = []


def fail(message):
    failures.append(message)
    print('not ok: ' + message)


def validator(argv):
    result = subprocess.run(argv, capture_output=True, text=True)
    output = (result.stdout + result.stderr).strip()
    print('# ' + ' '.join(argv) + ('\n# ' + output.replace('\n', '\n# ') if output else ''))
    if result.returncode != 0:
        fail('%s failed:\n%s' % (argv[0], output))
    return output


def check_desktop(root, path):
    validator(['desktop-file-validate', path])
    parser = configparser.RawConfigParser(strict=True, interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding='utf-8')
    entry = parser['Desktop Entry']
    if os.path.basename(path) != APP_ID + '.desktop':
        fail('the desktop file is not named after the app id')
    expect = {'Type': 'Application', 'Exec': 'ethos', 'Icon': APP_ID, 'Terminal': 'false'}
    for key, value in expect.items():
        if entry.get(key) != value:
            fail('%s=%r, expected %r' % (key, entry.get(key), value))
    for key in ('Name', 'Comment', 'Categories', 'Keywords'):
        if not entry.get(key):
            fail('no %s' % key)
    # Translations are merged from po/: the Spanish ones must be there.
    for key in ('GenericName[es]', 'Comment[es]', 'Keywords[es]'):
        if not entry.get(key):
            fail('no %s: translations were not merged' % key)
    for keywords in (entry.get('Keywords', ''), entry.get('Keywords[es]', '')):
        if not keywords.endswith(';'):
            fail('Keywords must end with ";": %r' % keywords)


def check_metainfo(root, path):
    validator(['appstreamcli', 'validate', '--no-net', '--explain', path])
    tree = ET.parse(path)
    component = tree.getroot()
    if component.get('type') != 'desktop-application':
        fail('component type is not desktop-application')
    if component.findtext('id') != APP_ID:
        fail('id is not %s' % APP_ID)
    if component.findtext('project_license') != 'GPL-3.0-or-later':
        fail('project_license is not GPL-3.0-or-later')
    if component.findtext('metadata_license') != 'CC0-1.0':
        fail('metadata_license is not CC0-1.0')
    launchable = component.find('launchable')
    if launchable is None or launchable.get('type') != 'desktop-id' or \
            launchable.text != APP_ID + '.desktop':
        fail('launchable is not the desktop file')
    binaries = sorted(b.text for b in component.findall('provides/binary'))
    if binaries != ['ethos', 'ethos-cli']:
        fail('provides binaries %r' % binaries)
    if component.find('content_rating') is None:
        fail('no content rating')
    releases = component.findall('releases/release')
    if not releases or releases[0].find('description') is None:
        fail('no release with notes')
    # The newest release is the project's version.
    with open(os.path.join(root, 'meson.build'), encoding='utf-8') as f:
        version = re.search(r"version:\s*'([^']+)'", f.read()).group(1)
    if releases and releases[0].get('version') != version:
        fail('newest release %s is not the project version %s'
             % (releases[0].get('version'), version))

    shots = component.findall('screenshots/screenshot')
    if len(shots) < 2:
        fail('fewer than two screenshots')
    for shot in shots:
        url = shot.findtext('image') or ''
        if not url.startswith(SCREENSHOT_URL):
            fail('screenshot %s is not under %s' % (url, SCREENSHOT_URL))
            continue
        local = os.path.join(root, 'data', 'screenshots', url[len(SCREENSHOT_URL):])
        if not os.path.isfile(local):
            fail('screenshot %s has no file data/screenshots/%s in the tree'
                 % (url, os.path.basename(local)))
        if not shot.findtext('caption'):
            fail('screenshot %s has no caption' % url)

    # Translations are merged from po/.
    summaries = {s.get(XML_LANG) for s in component.findall('summary')}
    if 'es' not in summaries:
        fail('no Spanish summary: translations were not merged')
    if not any(p.get(XML_LANG) == 'es' for p in component.iter('p')):
        fail('no Spanish description: translations were not merged')


def png_size(path):
    with open(path, 'rb') as f:
        header = f.read(24)
    if header[:8] != b'\x89PNG\r\n\x1a\n':
        return None
    return struct.unpack('>II', header[16:24])


def check_icon(path, size, symbolic):
    svg = '{http://www.w3.org/2000/svg}'
    root = ET.parse(path).getroot()
    if root.tag != svg + 'svg':
        fail('%s is not SVG' % path)
        return
    if root.get('viewBox') != '0 0 %d %d' % (size, size) or root.get('width') != str(size) \
            or root.get('height') != str(size):
        fail('%s is not a %dx%d artboard' % (path, size, size))
    if any(e.tag in (svg + 'image', svg + 'text', svg + 'script') for e in root.iter()):
        fail('%s embeds images, text or scripts' % path)
    if symbolic:
        shapes = [e for e in root.iter() if e.tag != svg + 'svg' and e.tag != svg + 'title']
        fills = {e.get('fill') for e in shapes}
        if [e.tag for e in shapes] != [svg + 'path'] or fills != {'#2e3436'}:
            fail('%s must be a single #2e3436 path' % path)
    with tempfile.TemporaryDirectory() as tmp:
        for scale in (1, 2):
            out = os.path.join(tmp, 'icon.png')
            result = subprocess.run(['rsvg-convert', '-w', str(size * scale), '-h',
                                     str(size * scale), '-o', out, path],
                                    capture_output=True, text=True)
            if result.returncode != 0 or result.stderr:
                fail('rsvg-convert %s: %s' % (path, result.stderr))
            elif png_size(out) != (size * scale, size * scale):
                fail('%s renders at %r' % (path, png_size(out)))


def check_icons(root):
    if not shutil.which('rsvg-convert'):
        fail('rsvg-convert is missing (package librsvg2-bin, build-aux/install-deps.sh)')
        return
    base = os.path.join(root, 'data', 'icons', 'hicolor')
    check_icon(os.path.join(base, 'scalable', 'apps', APP_ID + '.svg'), 128, False)
    check_icon(os.path.join(base, 'symbolic', 'apps', APP_ID + '-symbolic.svg'), 16, True)


def check_gschemas(root):
    data = os.path.join(root, 'data')
    schemas = sorted(n for n in os.listdir(data) if n.endswith('.gschema.xml'))
    if APP_ID + '.gschema.xml' not in schemas:
        fail('data/%s.gschema.xml is missing (the core reads the app\'s settings)' % APP_ID)
    with tempfile.TemporaryDirectory() as tmp:
        for name in schemas:
            shutil.copy(os.path.join(data, name), tmp)
            schema_id = ET.parse(os.path.join(data, name)).getroot().find('schema').get('id')
            if name != schema_id + '.gschema.xml':
                fail('%s holds schema %s: name the file after it' % (name, schema_id))
        if schemas:
            validator(['glib-compile-schemas', '--strict', '--dry-run', tmp])


def main():
    mode, root = sys.argv[1], sys.argv[2]
    if mode == 'desktop':
        check_desktop(root, sys.argv[3])
    elif mode == 'metainfo':
        check_metainfo(root, sys.argv[3])
    elif mode == 'icons':
        check_icons(root)
    elif mode == 'gschemas':
        check_gschemas(root)
    else:
        fail('unknown mode %s' % mode)
    if failures:
        print('%d problem(s)' % len(failures))
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
