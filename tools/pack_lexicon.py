#!/usr/bin/env python3
"""Writes the packed form of the lexicons (assets/lexicon/*), the one compiled into the program:
the same rows, less of what the download need not carry. Lexicon::Lexicon (src/core/analysis/
lexicon.cpp) reads it; a unit test checks it gives the same tables as the sources.

  python3 tools/pack_lexicon.py assets/lexicon OUT_DIR

- Comment lines and blank lines are left out (they document the lists; the readers skip them).
- Columns no reader uses are emptied, their place kept (every column keeps its number, every row
  its number of columns). UNREAD below lists them; they document the entries.
- The .txt lists are sets of names (each read into a hash set): sorted, without repeats, and
  front-coded: each line is one character, '0' + the number of bytes it shares with the line
  before (at most MAX_SHARED), then the rest of the name. About 15% less than sorted text, gzip.
"""
import os
import sys

# Columns (0-based) that neither src/core/analysis/lexicon.cpp nor src/core/graph.cpp reads.
UNREAD = {
    'places.tsv': {1, 2},             # kind of place, country: only the name and its aliases are read
    'organizations.tsv': {3},         # country
    'sports-teams.tsv': {3},          # country
    'titles.tsv': {2},                # notes
    'cues.tsv': {4},                  # polarity
}
MAX_SHARED = 75  # '0' + 75 = '{', below DEL; a line never starts with a control character


def rows(path):
    """The data lines of a lexicon file as its readers see them (for_each_row in lexicon.cpp)."""
    for line in open(path, encoding='utf-8', newline='').read().split('\n'):
        if line.endswith('\r'):
            line = line[:-1]
        if line and not line.startswith('#'):
            yield line


def names(path):
    """The set a .txt list stands for: each row's first column without surrounding spaces."""
    out = set()
    for line in rows(path):
        name = line.split('\t')[0].strip(' ')
        if name:
            out.add(name.encode('utf-8'))
    return sorted(out)


def front_code(items):
    out, prev = bytearray(), b''
    for s in items:
        n = 0
        while n < min(len(prev), len(s), MAX_SHARED) and prev[n] == s[n]:
            n += 1
        out += bytes([ord('0') + n]) + s[n:] + b'\n'
        prev = s
    return bytes(out)


def pack(path, name):
    if name.endswith('.txt'):
        return front_code(names(path))
    unread = UNREAD.get(name, set())
    out = []
    for line in rows(path):
        cols = ['' if i in unread else c for i, c in enumerate(line.split('\t'))]
        out.append('\t'.join(cols) + '\n')
    return ''.join(out).encode('utf-8')


def main(src, dst):
    os.makedirs(dst, exist_ok=True)
    for name in sorted(os.listdir(src)):
        data = pack(os.path.join(src, name), name)
        target = os.path.join(dst, name)
        # unchanged files keep their time, so the embedded source is not rebuilt for nothing
        if os.path.exists(target) and open(target, 'rb').read() == data:
            continue
        with open(target, 'wb') as f:
            f.write(data)


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
