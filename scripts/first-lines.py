#!/usr/bin/env python3
"""Keeps the annotations that end within the first N lines of each document of a JSONL file.

MEANTIME's gold marks time expressions only in the first sentences of each article (every one of
its 488 expressions lies in the first six lines), so `make eval` also scores that region alone.
Usage: first-lines.py N IN.jsonl OUT.jsonl
"""
import json
import sys


def cut(text, n):
    end = -1
    for _ in range(n):
        end = text.find("\n", end + 1)
        if end < 0:
            return len(text)
    return end


n, src, dst = int(sys.argv[1]), sys.argv[2], sys.argv[3]
with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
    for line in f:
        if not line.strip():
            continue
        doc = json.loads(line)
        limit = cut(doc["text"], n)
        doc["annotations"] = [a for a in doc.get("annotations", []) if a["end"] <= limit]
        out.write(json.dumps(doc, ensure_ascii=False) + "\n")
