#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 TenantBridge contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run after `cmake --build <dir> --target update_translations`:
#   python3 resources/translations/fill-english-plurals.py resources/translations/tenantbridge_en.ts
# lupdate keeps translations it already has, so only new "%n" messages change.
# Fills the English singular and plural of every numerus message in tenantbridge_en.ts from its source text:
# "(s)"/"(es)" dropped for the singular and spelled out for the plural; where a verb or pronoun agrees with the
# count, the singular is written out below. Texts are compared XML-escaped, as they stand in the .ts.
import re, sys
path = sys.argv[1]
text = open(path, encoding='utf-8').read()
SINGULAR = {
    '%n of these user(s) were B2B guests in %1 before sync took them over; they are deleted as well, not handed back as they were.':
        '%n of these users was a B2B guest in %1 before sync took it over; it is deleted as well, not handed back as it was.',
    'The %n B2B user(s) from the source&apos;s domains that are not proven to be from this configuration are not touched.':
        'The %n B2B user from the source&apos;s domains that is not proven to be from this configuration is not touched.',
    '%n assignment(s) could not be removed; they are listed below. Try again to remove them.':
        '%n assignment could not be removed; it is listed below. Try again to remove it.',
    '%n user(s) are deleted in %1': '%n user is deleted in %1',
    'On its next cycle the synchronization service deletes the %n user(s) this configuration provisioned in %1; keep %1&apos;s inbound synchronization allowed until it has. Refresh after the cycle to see them marked deleted.':
        'On its next cycle the synchronization service deletes the %n user this configuration provisioned in %1; keep %1&apos;s inbound synchronization allowed until it has. Refresh after the cycle to see it marked deleted.',
    'Stage %1 “%2”: assigning, %3 of %n group(s) and user(s) assigned.':
        'Stage %1 “%2”: assigning, %3 of %n group or user assigned.',
    '%n user(s) leave scope and are soft-deleted in %1': '%n user leaves scope and is soft-deleted in %1',
    '%n user(s) leave scope: the service soft-deletes them in %1 on its next cycle.':
        '%n user leaves scope: the service soft-deletes it in %1 on its next cycle.',
    '%n other configuration(s) in the source, left as they are.': '%n other configuration in the source, left as it is.',
    'Test sync finished: %1 as predicted, %2 different from the preview, %3 failed; %n user(s) lack an attribute your target needs. Pick a user for the details.':
        'Test sync finished: %1 as predicted, %2 different from the preview, %3 failed; %n user lacks an attribute your target needs. Pick a user for the details.',
}
def forms(source):
    singular = SINGULAR.get(source, source.replace('(s)', '').replace('(es)', ''))
    plural = source.replace('(s)', 's').replace('(es)', 'es')
    return singular, plural
pattern = re.compile(r'(<message numerus="yes">\s*<source>)(.*?)(</source>.*?)<translation[^>]*>.*?</translation>', re.S)
used = set()
def fill(m):
    if m.group(2) in SINGULAR:
        used.add(m.group(2))
    singular, plural = forms(m.group(2))
    indent = '\n            '
    return (m.group(1) + m.group(2) + m.group(3) + '<translation>' + indent + '<numerusform>' + singular
            + '</numerusform>' + indent + '<numerusform>' + plural + '</numerusform>\n        </translation>')
text, count = pattern.subn(fill, text)
open(path, 'w', encoding='utf-8').write(text)
print('filled', count, 'unused overrides:', set(SINGULAR) - used)
