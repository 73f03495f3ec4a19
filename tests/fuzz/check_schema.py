#!/usr/bin/env python3
"""Checks docs/lede-annotations.schema.json against real files (ctest files.schema).

Valid files must validate; bad files whose fault a JSON Schema can express must not. (Lede's
loader checks more: offsets within the text, quotes, ids, hashes - those files may pass here.)
Usage: check_schema.py SOURCE_DIR
"""
import json, os, sys
import jsonschema

root = sys.argv[1]
schema = json.load(open(os.path.join(root, "docs/lede-annotations.schema.json"), encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
failed = 0
good = ["docs/example.lede.json"] + ["tests/data/good/" + f for f in sorted(os.listdir(os.path.join(root, "tests/data/good")))]
for f in good:
    errs = list(v.iter_errors(json.load(open(os.path.join(root, f), encoding="utf-8"))))
    if errs:
        failed += 1
        print(f"FAIL {f} should be valid: {errs[0].message}")
schema_expressible = [
    "format_missing", "format_wrong", "format_number", "version_3", "version_0", "version_missing", "version_string",
    "version_fractional", "document_missing", "document_array", "text_missing", "text_number", "title_number",
    "length_negative", "sha256_malformed", "labels_object", "label_not_object", "label_name_missing", "label_color_bad",
    "annotations_missing", "annotations_object", "annotation_string", "id_missing", "id_number", "id_empty",
    "label_wrong_type", "origin_bad", "status_bad", "status_bool", "start_missing", "start_negative", "start_fractional",
    "start_string", "start_null", "end_too_large", "quote_exact_missing", "quote_string", "note_number", "attrs_array",
    "created_not_date", "author_number", "orphans_object", "orphan_quote_missing",
    # version 2
    "v2_rating_number", "v2_review_string", "v2_review_status_bad", "v2_review_date_text", "v2_evidence_javascript",
    "v2_evidence_data_url", "v2_evidence_relative_url", "v2_evidence_note_only", "v2_evidence_object", "v2_meta_url_javascript",
    "v2_meta_array", "v2_ratings_object", "v2_rating_id_empty", "v2_rating_name_empty", "v2_rating_color_bad",
    "v2_rating_value_string", "v2_rating_value_missing"]
for name in schema_expressible:
    doc = json.load(open(os.path.join(root, "tests/data/bad", name + ".json"), encoding="utf-8"))
    if v.is_valid(doc):
        failed += 1
        print(f"FAIL bad/{name}.json should not validate against the schema")
print(f"{len(good)} good files valid, {len(schema_expressible) - failed} bad files rejected" if not failed else f"{failed} failures")
sys.exit(1 if failed else 0)
