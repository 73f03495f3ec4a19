#!/usr/bin/env python3
"""Scores Lede's numbers on the Recognizers-Text cases of ../shared/numbers-dev (development data).

usage: tools/eval/numbers_dev.py LEDE [DIR] [--verbose] [--file SUBSTRING]

Runs `LEDE analyze --jsonl` once over every case's input and compares the number annotations with
the expected results: span overlap and exact-span P / R / F1 per file, negative cases (an empty
Results list) that got a number, and, for money, dimension, temperature and age results whose span
overlaps a Lede number, whether the value agrees (a wrong value is worse than a miss). Cases marked
NotSupported for every reference implementation are kept; offsets are code points, End inclusive."""
import json, subprocess, sys, os

args = [a for a in sys.argv[1:] if not a.startswith("--")]
verbose = "--verbose" in sys.argv
only = sys.argv[sys.argv.index("--file") + 1] if "--file" in sys.argv else ""
if only in args: args.remove(only)
lede = args[0]
root = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "numbers-dev")

def value_of(res):
    r = res.get("Resolution") or {}
    v = r.get("value")
    try: v = float(v)
    except (TypeError, ValueError): return None
    # Lede writes a subunit in its currency ("50 cents" is 0.5 USD); Recognizers keeps the subunit
    return v / 100 if r.get("unit") in ("Cent", "Pence", "Penny") else v

tot = {"gold": 0, "pred": 0, "ov_g": 0, "ov_p": 0, "ex": 0, "vals": 0, "vals_ok": 0, "neg": 0, "neg_fp": 0}
for f in sorted(os.listdir(root)):
    if not f.endswith(".json") or only not in f: continue
    cases = json.load(open(os.path.join(root, f), encoding="utf-8-sig"))
    lines = "".join(json.dumps({"id": i, "text": c["Input"]}) + "\n" for i, c in enumerate(cases))
    out = subprocess.run([lede, "analyze", "--jsonl"], input=lines.encode(), capture_output=True, check=False).stdout.decode()
    preds = {}
    for l in out.splitlines():
        j = json.loads(l)
        preds[j["id"]] = [a for a in j.get("annotations", []) if a["label"] == "number"]
    s = {k: 0 for k in tot}
    valued = "NumberWithUnit" in f
    for i, c in enumerate(cases):
        gold = [(r["Start"], r["End"] + 1, r) for r in c["Results"]]
        pred = preds.get(i, [])
        if not gold:
            s["neg"] += 1
            if pred: s["neg_fp"] += 1
        s["gold"] += len(gold); s["pred"] += len(pred)
        for gb, ge, r in gold:
            ov = [p for p in pred if p["start"] < ge and gb < p["end"]]
            if ov: s["ov_g"] += 1
            if any(p["start"] == gb and p["end"] == ge for p in pred): s["ex"] += 1
            if valued and ov and value_of(r) is not None:
                s["vals"] += 1
                pv = [p["attrs"].get("value") for p in ov]
                ok = any(isinstance(v, (int, float)) and abs(v - value_of(r)) <= 1e-6 * max(1, abs(value_of(r))) for v in pv)
                if ok: s["vals_ok"] += 1
                elif verbose: print(f"{f}  VALUE [{r['Text']}] gold {value_of(r)} got {[(c['Input'][p['start']:p['end']], p['attrs']) for p in ov]}")
            if not ov and verbose: print(f"{f}  MISS  [{r['Text']}] in: {c['Input'][:120]}")
        for p in pred:
            if any(p["start"] < ge and gb < p["end"] for gb, ge, _ in gold): s["ov_p"] += 1
            elif verbose and gold: print(f"{f}  FP    [{c['Input'][p['start']:p['end']]}] {p['attrs']} in: {c['Input'][:100]}")
    for k in tot: tot[k] += s[k]
    def line(name, s):
        p = s["ov_p"] / s["pred"] if s["pred"] else 0; r = s["ov_g"] / s["gold"] if s["gold"] else 0
        f1 = 2 * p * r / (p + r) if p + r else 0
        ex = s["ex"] / s["gold"] if s["gold"] else 0
        vals = f"values right {s['vals_ok']}/{s['vals']}" if s["vals"] else ""
        print(f"{name:40s} gold {s['gold']:5d} pred {s['pred']:5d}  overlap P {100*p:5.1f} R {100*r:5.1f} F1 {100*f1:5.1f}  exact R {100*ex:5.1f}  "
              f"negatives with a number {s['neg_fp']}/{s['neg']}  {vals}")
    line(f, s)
line("all", tot)
