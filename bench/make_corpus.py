#!/usr/bin/env python3
"""Assembles English news-like prose for the benchmark: the default article, the dev/held-out
passages and (when ../shared/ner-train is present) the detokenized GUM, re3d and claims-gum text.
usage: make_corpus.py OUT_DIR  -> OUT_DIR/corpus-1mb.txt, corpus-2mb.txt, corpus-5mb.txt, corpus-10mb.txt"""
import json, os, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
out_dir = sys.argv[1]
os.makedirs(out_dir, exist_ok=True)
paras = []
paras += open(os.path.join(root, "assets/articles/dprk-missiles-un.txt"), encoding="utf-8").read().split("\n")
for f in ("tests/devset/dev.jsonl", "tests/devset/heldout.jsonl"):
    for line in open(os.path.join(root, f), encoding="utf-8"):
        if line.strip():
            paras += json.loads(line)["text"].split("\n")
shared = os.path.join(root, "..", "shared", "ner-train")
def detok(tokens):
    s = ""
    for t in tokens:
        if s and not (t in ",.;:!?%)'’" or t.startswith("'") or t == "n't") and not s.endswith(("(", "$", "“")):
            s += " "
        s += t
    return s
for name in ("gum.iob2", "re3d.iob2"):
    p = os.path.join(shared, name)
    if not os.path.exists(p):
        continue
    sent, doc = [], []
    for line in open(p, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            if doc: paras.append(" ".join(doc)); doc = []
            continue
        if not line:
            if sent: doc.append(detok(sent)); sent = []
            if len(doc) >= 5: paras.append(" ".join(doc)); doc = []
            continue
        sent.append(line.split("\t")[0])
    if doc: paras.append(" ".join(doc))
p = os.path.join(shared, "claims-gum.jsonl")
if os.path.exists(p):
    for line in open(p, encoding="utf-8"):
        paras += json.loads(line)["text"].split("\n")
paras = [x.strip() for x in paras if x.strip()]
base = "\n".join(paras) + "\n"
for mb in (1, 2, 5, 10):
    n = mb * 1000 * 1000
    text = (base * (n // len(base.encode("utf-8")) + 1)).encode("utf-8")[:n]
    cut = text.rfind(b"\n")
    with open(os.path.join(out_dir, "corpus-%dmb.txt" % mb), "wb") as f:
        f.write(text[:cut + 1])
print("corpus base: %d paragraphs, %.2f MB of distinct text" % (len(paras), len(base.encode("utf-8")) / 1e6))
