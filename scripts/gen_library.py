#!/usr/bin/env python3
"""Writes a library of N varied copies of the shipped assessments (titles, ids and every score
varied, ten subfolders) for measuring the window with a large library.

Usage: scripts/gen_library.py OUT_DIR [N=10000]
"""

import json
import os
import random
import sys

SHIPPED = os.path.join(os.path.dirname(__file__), "..", "assessments")


def main(out, count):
    random.seed(7)
    names = sorted(n for n in os.listdir(SHIPPED) if n.endswith(".aijri.json"))
    base = [json.load(open(os.path.join(SHIPPED, n), encoding="utf-8")) for n in names]
    for i in range(count):
        role = json.loads(json.dumps(base[i % len(base)]))
        role["role"]["title"] = f"{role['role']['title']} {i:05d}"
        role["meta"]["id"] = f"role-{i:05d}"
        for part in role["evidence"].values():
            part["score"] = random.randint(-2, 2)
        for part in role["barriers"].values():
            part["score"] = random.randint(0, 2)
        role["growth"]["score"] = random.randint(-2, 2)
        for task in role["tasks"]:
            task["score"] = random.randint(1, 5)
        folder = os.path.join(out, f"group-{i % 10}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"role-{i:05d}.aijri.json"), "w", encoding="utf-8") as f:
            json.dump(role, f, indent=2, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000)
