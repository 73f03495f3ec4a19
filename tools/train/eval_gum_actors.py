#!/usr/bin/env python3
"""Scores Lede's actors against the entities of an IOB2 file from ../shared/ner-train.
usage: tools/train/eval_gum_actors.py [FILE.iob2] [DOC-ID-SUBSTRING] [path/to/lede] [-v]
e.g.   tools/train/eval_gum_actors.py ../shared/ner-train/gum.iob2 GUM_news
Each document is rebuilt from its tokens (spaces between tokens, none before closing punctuation),
PER/ORG/LOC/GPE map to person/organization/place, MISC is ignored. GUM's entity spans are whole
noun phrases ("US President Barack Obama", "Facebook creator Mark Zuckerberg") and it types a
country that acts as an organization, so exact spans and kinds agree less often than on the dev
set, whose conventions are Lede's; the figures are for comparing versions of Lede, not for
comparing with other taggers. The name model is trained on these files: they are not held out."""
import collections, json, subprocess, sys

args = [a for a in sys.argv[1:] if a != "-v"]
verbose = "-v" in sys.argv
path = args[0] if args else "../shared/ner-train/gum.iob2"
only = args[1] if len(args) > 1 else ""
lede = args[2] if len(args) > 2 else "./build/lede"
kinds = {"PER": "person", "ORG": "organization", "LOC": "place", "GPE": "place"}

docs, sent = [], []
for line in open(path, encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("-DOCSTART-"):
        if sent: docs[-1]["sents"].append(sent); sent = []
        docs.append({"id": line.split("\t")[1] if "\t" in line else line, "sents": []})
    elif not line:
        if sent: docs[-1]["sents"].append(sent); sent = []
    else:
        sent.append(line.split("\t")[:2])
if sent: docs[-1]["sents"].append(sent)
docs = [d for d in docs if only in d["id"]]

items = []
for d in docs:
    text, gold = "", []
    for s in d["sents"]:
        if text: text += " "
        ent, prev = None, None
        for tok, tag in s:
            if prev is not None and not (tok in ",.;:!?%)'’" or tok.startswith("'") or tok == "n't") and not prev.endswith(("(", "$", "“")):
                text += " "
            start = len(text); text += tok; prev = tok
            if tag.startswith("B-"):
                if ent: gold.append(ent)
                ent = [start, len(text), tag[2:]]
            elif tag.startswith("I-") and ent:
                ent[1] = len(text)
            elif ent:
                gold.append(ent); ent = None
        if ent: gold.append(ent)
    items.append((d["id"], text, {(a, b): kinds[t] for a, b, t in gold if t in kinds}))

inp = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t, _ in items)
out = subprocess.run([lede, "analyze", "--jsonl"], input=inp.encode(), capture_output=True, check=True).stdout.decode()
pred = {}
for line in out.splitlines():
    j = json.loads(line)
    pred[j["id"]] = {(a["start"], a["end"]): a["attrs"]["kind"] for a in j["annotations"] if a["label"] == "actor"}

span_ok = kind_ok = 0
errors = collections.defaultdict(list)
for i, text, gold in items:
    for sp, k in pred[i].items():
        shown = (text[sp[0]:sp[1]], k)
        if sp not in gold: errors["FP"].append(shown)
        else:
            span_ok += 1
            if gold[sp] == k: kind_ok += 1
            else: errors["KIND"].append(shown + (gold[sp],))
    for sp, k in gold.items():
        if sp not in pred[i]: errors["MISS"].append((text[sp[0]:sp[1]], k))
n_gold = sum(len(g) for _, _, g in items)
n_pred = sum(len(p) for p in pred.values())
pc = lambda a, b: 100.0 * a / b if b else 0.0
print(f"{path} {only}: {len(items)} documents, {n_gold} gold, {n_pred} predicted actors")
print(f"  exact span:        P {pc(span_ok, n_pred):.1f}  R {pc(span_ok, n_gold):.1f}")
print(f"  exact span + kind: P {pc(kind_ok, n_pred):.1f}  R {pc(kind_ok, n_gold):.1f}")
if verbose:
    for what, xs in errors.items():
        for x, n in collections.Counter(xs).most_common():
            print(f"  {what:4} {n:3}  {x}")
