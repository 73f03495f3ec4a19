#!/usr/bin/env python3
"""Writes the gazetteer the build takes from WordNet (Debian's wordnet-base, installed by
emsdk-setup.sh): the names of organizations and places that WordNet lists and the lexicons of
assets/lexicon do not, one per line as "name<TAB>organization|place". Nothing of WordNet is kept in
the repository; Lexicon (src/core/analysis/lexicon.cpp) reads the file as lexicon/wordnet.tsv.

  python3 tools/wordnet_gazetteer.py /usr/share/wordnet/data.noun assets/lexicon OUT.tsv

Kept, to stay small and to read only whole names (docs/analysis.md, "Gazetteers from packages"):
- proper names of two or more words, each capitalised (or "of", "and", "for", "the", "de"...):
  "Drug Enforcement Administration", not "Labor" or "Dominican order";
- organizations: a noun.group synset under organization (08008335) or terrorist organization,
  not a religion, a denomination or a sect (a faith is no actor), nor a dynasty or culture;
- places: a noun.location synset;
- not a name any assets/lexicon file lists already (as a name or an alias).
WordNet 3.0 licence: NOTICE.
"""
import os
import sys

CONNECTORS = {'of', 'and', 'for', 'the', 'de', 'on', 'in', 'al', 'du', 'la', 'del', 'von', 'van', '&'}
ORGANIZATION = '08008335'  # organization, organisation (noun.group)
NOT_ORGANIZATIONS = {'religion', 'faith', 'sect', 'denomination', 'Protestant_denomination', 'religious_movement',
                     'dynasty', 'culture', 'civilization', 'civilisation', 'ethnic_group', 'royalty', 'order'}
LEX_GROUP, LEX_LOCATION = 14, 15


def read_synsets(path):
    syn = {}
    for line in open(path, encoding='latin-1'):
        if line.startswith('  '):  # the licence header
            continue
        f = line.split(' | ')[0].split()
        n = int(f[3], 16)
        words = [f[4 + 2 * i] for i in range(n)]
        k = 4 + 2 * n
        ptrs = [(f[k + 1 + 4 * i], f[k + 2 + 4 * i]) for i in range(int(f[k]))]
        syn[f[0]] = (int(f[1]), words, ptrs)
    return syn


def hypernyms(syn, off):
    out, stack = set(), [off]
    while stack:
        for s, t in syn[stack.pop()][2]:
            if s in ('@', '@i') and t not in out:
                out.add(t)
                stack.append(t)
    return out


def known_names(lexicon_dir):
    names = set()
    for f in os.listdir(lexicon_dir):
        for line in open(os.path.join(lexicon_dir, f), encoding='utf-8'):
            if line.startswith('#'):
                continue
            for col in line.rstrip('\n').split('\t')[:4]:
                names.update(v.strip() for v in col.split('|'))
    return names


def whole_name(name):
    words = name.split(' ')
    return len(words) >= 2 and words[0][:1].isupper() and words[-1][:1].isupper() and \
        all(w[:1].isupper() or w in CONNECTORS for w in words)


def main(data_noun, lexicon_dir, out):
    syn = read_synsets(data_noun)
    known = known_names(lexicon_dir)
    lemma_of = {off: words[0] for off, (_, words, _) in syn.items()}
    rows = {}
    for off, (lex, words, _) in syn.items():
        if lex not in (LEX_GROUP, LEX_LOCATION):
            continue
        kind = 'place'
        if lex == LEX_GROUP:
            up = hypernyms(syn, off)
            up_names = {lemma_of[o] for o in up}
            if not (ORGANIZATION in up or 'terrorist_organization' in up_names) or up_names & NOT_ORGANIZATIONS:
                continue
            kind = 'organization'
        for w in words:
            name = w.replace('_', ' ')
            if whole_name(name) and name not in known and '(' not in name:
                rows.setdefault(name, kind)
    with open(out, 'w', encoding='utf-8') as f:
        for name in sorted(rows):
            f.write(f'{name}\t{rows[name]}\n')


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
