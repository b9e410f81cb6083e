#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check that docs/netlink/fsr.yaml and uapi/linux/fsr.h describe one family.

Every command, attribute, counter, event and reason must have the same C name
and value on both sides, every constant must agree, and the family name,
version and multicast group names must match. The spec is also checked on its
own: every item documented, every reference resolvable, every write operation
guarded by a permission flag, and key material absent from replies and events.

Output is TAP; the exit status is 1 when anything disagrees.

C names are derived from spec names the way the kernel's YNL generator does
for the "genetlink" protocol: upper case, dashes to underscores, prefixed with
the family name ("pmk-r1-name" in a set with name-prefix "fsr-a-" is
FSR_A_PMK_R1_NAME).
"""

import argparse
import os
import re
import sys

import yaml

TOP = os.path.normpath(os.path.join(os.path.dirname(__file__), '..', '..'))
DEFAULT_SPEC = os.path.join(TOP, 'docs', 'netlink', 'fsr.yaml')
DEFAULT_HEADER = os.path.join(TOP, 'uapi', 'linux', 'fsr.h')

# Integer limits the schema lets checks name instead of a number.
LIMITS = {
    'u8-min': 0, 'u8-max': 0xff,
    'u16-min': 0, 'u16-max': 0xffff,
    'u32-min': 0, 'u32-max': 0xffffffff,
    'u64-min': 0, 'u64-max': 0xffffffffffffffff,
    's8-min': -0x80, 's8-max': 0x7f,
    's16-min': -0x8000, 's16-max': 0x7fff,
    's32-min': -0x80000000, 's32-max': 0x7fffffff,
    's64-min': -0x8000000000000000, 's64-max': 0x7fffffffffffffff,
}

PERM_FLAGS = ('admin-perm', 'uns-admin-perm')


class ParseError(Exception):
    pass


def c_upper(name):
    return name.upper().replace('-', '_')


def c_lower(name):
    return name.lower().replace('-', '_')


# ---------------------------------------------------------------- header ---

def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'//[^\n]*', ' ', text)


def c_int(token):
    """Value of a C integer literal, or None."""
    m = re.fullmatch(r'(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)[uUlL]*', token)
    if not m:
        return None
    lit = m.group(1)
    if lit.lower().startswith('0x'):
        return int(lit, 16)
    if lit.startswith('0') and len(lit) > 1:
        return int(lit, 8)
    return int(lit)


def c_expr(expr, known):
    """Value of NAME, NUMBER, or either of them plus or minus another."""
    terms = re.split(r'\s*([+-])\s*', expr.strip().strip('()').strip())
    total = 0
    sign = 1
    for i, term in enumerate(terms):
        if i % 2:
            sign = 1 if term == '+' else -1
            continue
        value = c_int(term)
        if value is None:
            value = known.get(term)
        if value is None:
            raise ParseError('cannot evaluate "%s"' % expr.strip())
        total += sign * value
    return total


def parse_header(path):
    """Return (defines, enums): {NAME: int|str}, {enum: [(NAME, int)]}."""
    with open(path, encoding='utf-8') as f:
        text = strip_comments(f.read())

    defines = {}
    for m in re.finditer(r'^[ \t]*#[ \t]*define[ \t]+(\w+)[ \t]+(.+?)[ \t]*$',
                         text, flags=re.M):
        name, raw = m.group(1), m.group(2)
        if re.fullmatch(r'"[^"]*"', raw):
            defines[name] = raw[1:-1]
        elif c_int(raw) is not None:
            defines[name] = c_int(raw)

    enums = {}
    known = {}
    for m in re.finditer(r'\benum\s+(\w+)\s*\{(.*?)\}\s*;', text, flags=re.S):
        entries = []
        nxt = 0
        for item in m.group(2).split(','):
            item = item.strip()
            if not item:
                continue
            name, _, expr = item.partition('=')
            name = name.strip()
            if not re.fullmatch(r'[A-Za-z_]\w*', name):
                raise ParseError('enum %s: bad entry "%s"' % (m.group(1), item))
            value = c_expr(expr, known) if expr else nxt
            entries.append((name, value))
            known[name] = value
            nxt = value + 1
        enums[m.group(1)] = entries
    return defines, enums


# ------------------------------------------------------------------ spec ---

class Spec:
    """The C view of a genetlink YAML spec."""

    def __init__(self, path):
        with open(path, encoding='utf-8') as f:
            self.y = yaml.safe_load(f)
        if not isinstance(self.y, dict):
            raise ParseError('%s: not a YAML mapping' % path)
        self.family = self.y.get('name', '')
        self.defs = self.y.get('definitions', []) or []
        self.sets = {s['name']: s for s in self.y.get('attribute-sets', [])}
        self.ops = self.y.get('operations', {}) or {}
        self.mcgrps = (self.y.get('mcast-groups', {}) or {}).get('list', [])
        self.consts = {d['name']: d.get('value') for d in self.defs
                       if d.get('type') == 'const'}

    def c_consts(self):
        return {c_upper('%s-%s' % (self.family, name)): value
                for name, value in self.consts.items()}

    def _numbered(self, items, start, prefix):
        out = []
        value = start
        for item in items:
            if isinstance(item, str):
                item = {'name': item}
            value = item.get('value', value)
            out.append((c_upper(prefix + item['name']), value))
            value += 1
        return out

    @staticmethod
    def _with_max(entries, prefix):
        last = entries[-1][1] if entries else 0
        return entries + [('__' + c_upper(prefix + 'max'), last + 1),
                          (c_upper(prefix + 'max'), last)]

    def c_enums(self):
        """{C enum type name: [(ENUMERATOR, value)]} as YNL would render."""
        out = {}
        fam = self.family
        for d in self.defs:
            if d.get('type') not in ('enum', 'flags'):
                continue
            prefix = d.get('name-prefix', '%s-%s-' % (fam, d['name']))
            tname = c_lower(d.get('enum-name', '%s-%s' % (fam, d['name'])))
            start = d.get('value-start', 0)
            entries = self._numbered(d.get('entries', []), start, prefix)
            if d['type'] == 'flags':
                entries = [(n, 1 << v) for n, v in entries]
            if d.get('render-max'):
                entries = self._with_max(entries, prefix)
            out[tname] = entries
        for s in self.sets.values():
            if 'subset-of' in s:
                continue
            prefix = s.get('name-prefix', '%s-%s-a-' % (fam, s['name']))
            tname = c_lower(s.get('enum-name', '%s-%s-attrs' % (fam, s['name'])))
            entries = self._numbered(s.get('attributes', []), 1, prefix)
            out[tname] = self._with_max(entries, prefix)
        if self.ops:
            prefix = self.ops.get('name-prefix', '%s-cmd-' % fam)
            tname = c_lower(self.ops.get('enum-name', '%s-cmd' % fam))
            entries = self._numbered(self.ops.get('list', []), 1, prefix)
            out[tname] = self._with_max(entries, prefix)
        return out

    def resolve(self, value):
        """A check's value as a number: literal, limit name or const."""
        if isinstance(value, int):
            return value
        if value in LIMITS:
            return LIMITS[value]
        if value in self.consts and isinstance(self.consts[value], int):
            return self.consts[value]
        raise ParseError('unresolvable check value "%s"' % value)


# ----------------------------------------------------------------- tests ---

class Tap:
    def __init__(self):
        self.results = []

    def check(self, desc, problems):
        self.results.append((desc, list(problems)))

    def emit(self):
        print('1..%d' % len(self.results))
        failed = 0
        for n, (desc, problems) in enumerate(self.results, 1):
            if problems:
                failed += 1
                print('not ok %d - %s' % (n, desc))
                for p in problems:
                    print('#   %s' % p)
            else:
                print('ok %d - %s' % (n, desc))
        return failed


def show(value):
    """A value as the header would spell it (suite selectors in hex)."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0xff:
        return '0x%08x' % value
    return repr(value)


def compare_values(spec_map, hdr_map, spec_what, hdr_what):
    """Problems one way: entries of spec_map missing or different in hdr_map."""
    problems = []
    for name, value in spec_map.items():
        if name not in hdr_map:
            problems.append('%s in %s but not in %s' % (name, spec_what, hdr_what))
        elif hdr_map[name] != value:
            problems.append('%s: %s has %s, %s has %s' %
                            (name, spec_what, show(value),
                             hdr_what, show(hdr_map[name])))
    return problems


def check_identity(tap, spec, defines):
    fam_def = c_upper(spec.family + '-genl-name')
    ver_def = c_upper(spec.family + '-genl-version')
    tap.check('family name: spec "%s" is %s' % (spec.family, fam_def),
              [] if defines.get(fam_def) == spec.family and spec.family else
              ['%s is %r' % (fam_def, defines.get(fam_def))])
    # The genetlink schema has no version key; YNL uses version 1 then.
    version = spec.y.get('version', 1)
    tap.check('family version: spec %d is %s' % (version, ver_def),
              [] if defines.get(ver_def) == version else
              ['%s is %r' % (ver_def, defines.get(ver_def))])

    grp_prefix = c_upper(spec.family + '-mcgrp-')
    spec_grps = {c_upper(grp_prefix.lower() + g['name']): g['name']
                 for g in spec.mcgrps}
    hdr_grps = {k: v for k, v in defines.items() if k.startswith(grp_prefix)}
    tap.check('multicast groups: spec -> header',
              compare_values(spec_grps, hdr_grps, 'spec', 'header'))
    tap.check('multicast groups: header -> spec',
              compare_values(hdr_grps, spec_grps, 'header', 'spec'))


def check_enums(tap, spec, enums):
    spec_enums = spec.c_enums()
    for tname, entries in spec_enums.items():
        s_map = dict(entries)
        if tname not in enums:
            tap.check('enum %s: present in the header' % tname,
                      ['the header has no enum %s' % tname])
            continue
        h_map = dict(enums[tname])
        tap.check('enum %s: spec -> header (%d names and values)' %
                  (tname, len(s_map)),
                  compare_values(s_map, h_map, 'spec', 'header'))
        tap.check('enum %s: header -> spec (%d names and values)' %
                  (tname, len(h_map)),
                  compare_values(h_map, s_map, 'header', 'spec'))
    tap.check('every header enum is described by the spec',
              ['enum %s is not in the spec' % t
               for t in enums if t not in spec_enums])


def check_consts(tap, spec, defines):
    fam = c_upper(spec.family + '-')
    identity = {fam + 'GENL_NAME', fam + 'GENL_VERSION'}
    grp_prefix = fam + 'MCGRP_'
    hdr = {k: v for k, v in defines.items()
           if k.startswith(fam) and k not in identity
           and not k.startswith(grp_prefix)}
    s_map = spec.c_consts()
    tap.check('constants: spec -> header (%d)' % len(s_map),
              compare_values(s_map, hdr, 'spec', 'header'))
    tap.check('constants: header -> spec (%d)' % len(hdr),
              compare_values(hdr, s_map, 'header', 'spec'))


def check_docs(tap, spec):
    missing = []
    if not spec.y.get('doc'):
        missing.append('family')
    for d in spec.defs:
        if not d.get('doc'):
            missing.append('definition %s' % d['name'])
        for e in d.get('entries', []) or []:
            if not isinstance(e, dict) or not e.get('doc'):
                name = e if isinstance(e, str) else e.get('name')
                missing.append('definition %s entry %s' % (d['name'], name))
    for s in spec.sets.values():
        if not s.get('doc'):
            missing.append('attribute-set %s' % s['name'])
        for a in s.get('attributes', []):
            if not a.get('doc'):
                missing.append('attribute %s/%s' % (s['name'], a['name']))
    for op in spec.ops.get('list', []):
        if not op.get('doc'):
            missing.append('operation %s' % op['name'])
    tap.check('spec: every item has a doc', missing)


def op_messages(op):
    """Yield (label, kind, attribute names) for each message of an op."""
    for mode in ('do', 'dump'):
        for kind in ('request', 'reply'):
            msg = (op.get(mode) or {}).get(kind)
            if msg is not None:
                yield '%s %s' % (mode, kind), kind, msg.get('attributes', [])
    if 'event' in op:
        yield 'event', 'event', op['event'].get('attributes', [])


def check_references(tap, spec):
    problems = []
    enum_names = {d['name'] for d in spec.defs
                  if d.get('type') in ('enum', 'flags')}
    for s in spec.sets.values():
        if 'subset-of' in s and s['subset-of'] not in spec.sets:
            problems.append('set %s: subset-of unknown set %s' %
                            (s['name'], s['subset-of']))
        for a in s.get('attributes', []):
            where = 'attribute %s/%s' % (s['name'], a['name'])
            if 'enum' in a and a['enum'] not in enum_names:
                problems.append('%s: unknown enum %s' % (where, a['enum']))
            if a.get('type') == 'nest' and \
                    a.get('nested-attributes') not in spec.sets:
                problems.append('%s: unknown nested set %s' %
                                (where, a.get('nested-attributes')))
    op_names = {op['name'] for op in spec.ops.get('list', [])}
    grp_names = {g['name'] for g in spec.mcgrps}
    for op in spec.ops.get('list', []):
        where = 'operation %s' % op['name']
        aset = spec.sets.get(op.get('attribute-set'))
        if aset is None and ('do' in op or 'dump' in op or 'event' in op):
            problems.append('%s: unknown attribute-set %s' %
                            (where, op.get('attribute-set')))
            continue
        names = {a['name'] for a in aset['attributes']} if aset else set()
        for label, _, attrs in op_messages(op):
            for attr in attrs:
                if attr not in names:
                    problems.append('%s %s: %s is not in set %s' %
                                    (where, label, attr, aset['name']))
        if 'notify' in op and op['notify'] not in op_names:
            problems.append('%s: notify names unknown op %s' %
                            (where, op['notify']))
        if ('notify' in op or 'event' in op) and op.get('mcgrp') not in grp_names:
            problems.append('%s: unknown mcgrp %s' % (where, op.get('mcgrp')))
    tap.check('spec: every reference resolves', problems)


def check_checks(tap, spec):
    problems = []
    for s in spec.sets.values():
        for a in s.get('attributes', []):
            checks = a.get('checks') or {}
            where = 'attribute %s/%s' % (s['name'], a['name'])
            try:
                vals = {k: spec.resolve(v) for k, v in checks.items()
                        if k != 'flags-mask'}
            except ParseError as e:
                problems.append('%s: %s' % (where, e))
                continue
            for lo, hi in (('min', 'max'), ('min-len', 'max-len')):
                if lo in vals and hi in vals and vals[lo] > vals[hi]:
                    problems.append('%s: %s %d > %s %d' %
                                    (where, lo, vals[lo], hi, vals[hi]))
            if 'exact-len' in vals and ('min-len' in vals or 'max-len' in vals):
                problems.append('%s: exact-len with min-len/max-len' % where)
    tap.check('spec: every check resolves and is a non-empty range', problems)


def check_permissions(tap, spec):
    problems = []
    for op in spec.ops.get('list', []):
        is_read = op['name'].endswith('-get')
        is_ntf = 'notify' in op or 'event' in op
        if is_read or is_ntf:
            continue
        if not set(op.get('flags', [])) & set(PERM_FLAGS):
            problems.append('write operation %s has no %s flag' %
                            (op['name'], '/'.join(PERM_FLAGS)))
    for g in spec.mcgrps:
        if not set(g.get('flags', [])) & set(PERM_FLAGS):
            problems.append('multicast group %s has no %s flag' %
                            (g['name'], '/'.join(PERM_FLAGS)))
    tap.check('spec: every write and every multicast group needs CAP_NET_ADMIN',
              problems)


def check_write_only(tap, spec, secret='pmk-key'):
    problems = []
    for op in spec.ops.get('list', []):
        for label, kind, attrs in op_messages(op):
            if kind != 'request' and secret in attrs:
                problems.append('%s %s carries %s' % (op['name'], label, secret))
    tap.check('spec: %s is write-only (no reply or event carries it)' % secret,
              problems)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--spec', default=DEFAULT_SPEC,
                    help='YAML spec (default: %(default)s)')
    ap.add_argument('--header', default=DEFAULT_HEADER,
                    help='uapi header (default: %(default)s)')
    args = ap.parse_args()

    tap = Tap()
    try:
        spec = Spec(args.spec)
    except (OSError, yaml.YAMLError, ParseError, KeyError, TypeError) as e:
        print('1..1\nnot ok 1 - parse spec %s\n#   %s' % (args.spec, e))
        return 1
    try:
        defines, enums = parse_header(args.header)
    except (OSError, ParseError) as e:
        print('1..1\nnot ok 1 - parse header %s\n#   %s' % (args.header, e))
        return 1

    print('# spec:   %s' % args.spec)
    print('# header: %s' % args.header)
    try:
        check_identity(tap, spec, defines)
        check_enums(tap, spec, enums)
        check_consts(tap, spec, defines)
        check_docs(tap, spec)
        check_references(tap, spec)
        check_checks(tap, spec)
        check_permissions(tap, spec)
        check_write_only(tap, spec)
    except (KeyError, TypeError, AttributeError) as e:
        tap.check('spec is well formed', ['malformed spec: %r' % e])
    return 1 if tap.emit() else 0


if __name__ == '__main__':
    sys.exit(main())
