#!/usr/bin/python3
# export-libreoffice.py — LibreOffice Calc reads `rahnuma-admin export` exactly
#
# Usage: export-libreoffice.py RAHNUMA-ADMIN
#
# Fills a journal with simulated visits, exports it as CSV, has LibreOffice
# (headless) read the CSV and write it back, and checks that every row and
# every field comes back as the same text: codes, times and scores must not
# be reinterpreted as numbers or dates. Fails (does not skip) without
# soffice: CI installs libreoffice-calc-nogui (.ci/packages-test.txt).
#
# Then, opened as a person opens it (special numbers detected), the
# started_local and ended_local columns are dates and times, and the
# started_at and ended_at ones (UTC, for programs) stay text.
#
# Simulated data is enough: the journal's schema limits centre and kiosk to
# [A-Za-z0-9_-], the catalog version to [A-Za-z0-9._-], the language to ur,
# ps, pa_PK or en, and codes to [2-9A-Z]{5}-[2-9A-Z]{5}, so no field can hold
# a comma, a quote, a line break or Urdu text.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import os
import shutil
import subprocess
import sys
import tempfile

# CSV filter options, by position (LibreOffice help, "CSV Filter Options"):
# 1 separator ',' (44), 2 text delimiter '"' (34), 3 UTF-8 (76), 4 start at
# row 1, 5 default column formats, 6 default language; then for the import
# 7 quoted fields as text = true, 8 detect special numbers (dates, times,
# scientific notation) = false, 9-10 unused here; for the export 7 quote all
# text cells = false, 9 cell contents as shown = true, 10 cell formulas =
# false, 11 trim spaces = false. With quoted fields taken as text, the
# export's quoted score ("50.0") stays text instead of becoming 50.
IMPORT = 'CSV:44,34,76,1,,0,true,false,false,false'
# As a person opens it: quoted fields as text, special numbers detected.
IMPORT_DATES = 'CSV:44,34,76,1,,0,true,true,false,false'
EXPORT = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,true,false,false'


def run(argv, **kwargs):
    result = subprocess.run(argv, capture_output=True, timeout=100, **kwargs)
    if result.returncode != 0:
        sys.exit('%s failed (%d): %s' % (argv[0], result.returncode,
                                         result.stderr.decode(errors='replace')))
    return result.stdout


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as f:
        return list(csv.reader(f, strict=True))


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: export-libreoffice.py RAHNUMA-ADMIN')
    admin = sys.argv[1]
    soffice = shutil.which('soffice') or shutil.which('libreoffice')
    if soffice is None:
        sys.exit('FAIL: soffice not found: install libreoffice-calc-nogui '
                 '(listed in .ci/packages-test.txt)')

    with tempfile.TemporaryDirectory(prefix='rahnuma-lo-') as tmp:
        journal = os.path.join(tmp, 'journal.db')
        original = os.path.join(tmp, 'a.csv')
        outdir = os.path.join(tmp, 'out')
        run([admin, 'simulate', '--db', journal, '--sessions', '40', '--kiosk', 'lo',
             '--seed', '7', '--days', '3'])
        with open(original, 'wb') as f:
            f.write(run([admin, 'export', '--db', journal, '--format', 'csv']))

        # A profile of its own: no first-start dialogs, no clash with a
        # running LibreOffice, nothing left in $HOME.
        run([soffice, '--headless', '--norestore', '--nolockcheck',
             '-env:UserInstallation=file://' + os.path.join(tmp, 'lo-profile'),
             '--infilter=' + IMPORT, '--convert-to', EXPORT, '--outdir', outdir, original],
            env=dict(os.environ, HOME=tmp))
        back_path = os.path.join(outdir, 'a.csv')
        if not os.path.exists(back_path):
            sys.exit('FAIL: LibreOffice wrote no %s' % back_path)

        rows = read_csv(original)
        back = read_csv(back_path)

        # Flat ODF says each cell's type: the local times must be dates.
        run([soffice, '--headless', '--norestore', '--nolockcheck',
             '-env:UserInstallation=file://' + os.path.join(tmp, 'lo-profile'),
             '--infilter=' + IMPORT_DATES, '--convert-to', 'fods', '--outdir', outdir, original],
            env=dict(os.environ, HOME=tmp))
        with open(os.path.join(outdir, 'a.fods'), encoding='utf-8') as f:
            fods = f.read()
    first = rows[1]
    started_local = first[rows[0].index('started_local')]
    want = 'office:value-type="date" office:date-value="%s:00"' % started_local.replace(' ', 'T')
    assert want in fods, 'LibreOffice did not read started_local %r as a date' % started_local
    started_at = first[rows[0].index('started_at')]
    assert '<text:p>%s</text:p>' % started_at in fods, 'started_at %r stays text' % started_at

    # The data must exercise what a spreadsheet could mangle.
    assert len(rows) == 41, 'header and 40 sessions, got %d rows' % len(rows)
    header = rows[0]
    scores = [r[header.index('score')] for r in rows[1:]]
    assert any(s.endswith('.0') for s in scores), 'a score like 50.0 is exercised'

    assert len(back) == len(rows), 'LibreOffice read %d rows, not %d' % (len(back), len(rows))
    failures = 0
    for n, (want, got) in enumerate(zip(rows, back), 1):
        if len(got) != len(want):
            print('row %d: %d fields, not %d: %r' % (n, len(got), len(want), got))
            failures += 1
            continue
        for name, a, b in zip(header, want, got):
            if a != b:
                print('row %d, %s: %r came back as %r' % (n, name, a, b))
                failures += 1
    if failures:
        sys.exit('FAIL: %d fields differ after the LibreOffice round trip' % failures)
    print('%d rows of %d fields read back exactly by LibreOffice' % (len(rows), len(header)))


if __name__ == '__main__':
    main()
