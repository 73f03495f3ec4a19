#!/usr/bin/env python3
"""Scores Lede's claims against GUM attributions (../shared/ner-train/claims-gum.jsonl).
usage: tools/train/eval_gum_claims.py [claims-gum.jsonl] [path/to/lede]
GUM marks every attribution, beliefs and thoughts included ("I think ..."), and its content
spans are discourse units, so exact matches are rare; the useful figures are overlap P/R and
the source/cue agreement on overlapping pairs."""
import json, subprocess, sys

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/ner-train/claims-gum.jsonl"
lede = sys.argv[2] if len(sys.argv) > 2 else "./build/lede"
docs = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs)
out = subprocess.run([lede, "analyze", "--jsonl"], input=inp.encode(), capture_output=True, check=True).stdout.decode()
pred = {}
for line in out.splitlines():
    j = json.loads(line)
    pred[j["id"]] = [a for a in j.get("annotations", []) if a["label"] == "claim"]
g_n = p_n = exact = g_ov = p_ov = src_ok = cue_ok = pairs = 0
for d in docs:
    gold = d["attributions"]
    ps = pred[d["id"]]
    g_n += len(gold); p_n += len(ps)
    def ov(a, b): return a["start"] < b["end"] and b["start"] < a["end"]
    for g in gold:
        c = g["content"]
        if any(p["start"] == c["start"] and p["end"] == c["end"] for p in ps): exact += 1
        hits = [p for p in ps if ov(p, c)]
        if hits:
            g_ov += 1
            p = hits[0]; pairs += 1
            sp, src = p["attrs"].get("speaker"), g.get("source")
            if sp and src and ov(sp, src): src_ok += 1
            cu, gc = p["attrs"].get("cue"), g.get("cue")
            if cu and gc and ov(cu, gc): cue_ok += 1
    for p in ps:
        if any(ov(p, g["content"]) for g in gold): p_ov += 1
pc = lambda a, b: 100.0 * a / b if b else 0.0
print(f"GUM attributions: {len(docs)} documents, {g_n} gold, {p_n} predicted claims")
print(f"  exact content span:   P {pc(exact, p_n):.1f}  R {pc(exact, g_n):.1f}")
print(f"  overlapping content:  P {pc(p_ov, p_n):.1f}  R {pc(g_ov, g_n):.1f}")
print(f"  on overlapping pairs: source overlaps {pc(src_ok, pairs):.1f}%, cue overlaps {pc(cue_ok, pairs):.1f}%")
