#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets into CORPUS/<target>/seed-*: the repository's own
files (saved pages, published texts, assessments, frameworks) and the deep and wide shapes that
hurt a reader (pages nested tens of thousands of levels deep, tables of 60,000 rows, 5 MB lines),
each at most 5 MB. The corpus is not committed; scripts/fuzz-all runs this first.

Usage: scripts/fuzz-seeds.py CORPUS   (e.g. fuzz/corpus)
"""

import json
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
MAX = 5 * 1024 * 1024


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


def files(folder, suffix):
    folder = os.path.join(ROOT, folder)
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(suffix))


# The deep shapes of tests/support/deep_pages.rs: (name, one level's opening, its closing, depth).
SHAPES = [
    ("unclosed-wrappers", "<div><span><b>", "", 20_000),
    ("nested-tables", "<table><tr><td>", "</td></tr></table>", 30_000),
    ("nested-divs", "<div>", "</div>", 200_000),
    ("nested-lists", "<ul><li>", "</li></ul>", 100_000),
    ("reopened-formatting", "<div><b id=#>.</div>", "", 20_000),
]


def nest(opening, closing, depth, inside):
    levels = "".join(opening.replace("#", str(n)) for n in range(depth))
    return levels + inside + closing * depth


def html_seeds():
    page = read("tests/fixtures/browser/backend-api-developer.html")
    seeds = {os.path.basename(p): read(p) for p in files("tests/fixtures/browser", ".html")}
    for name, opening, closing, depth in SHAPES:
        seeds[f"{name}-around"] = nest(opening, closing, depth, page)
        seeds[f"{name}-before"] = nest(opening, closing, depth, "") + page
    row = "<tr><td>API design &amp; architecture</td><td>15%</td><td>2</td><td>augmentation</td></tr>"
    seeds["wide-table"] = "<table>" + row * (4_000_000 // len(row)) + "</table>" + page
    seeds["wide-list"] = "<ul>" + "<li>item" * 500_000 + "</ul>"
    seeds["wide-breaks"] = "<p>" + "line<br>" * 500_000
    seeds["long-paragraph"] = "<p>" + "word " * 900_000 + "</p>"
    seeds["many-attributes"] = "<p " + " ".join(f"a{n}" for n in range(20_000)) + ">x</p>" + page
    seeds["deep-svg"] = "<svg>" + "<g>" * 100_000 + "<text>label</text>" + page
    seeds["deep-select"] = "<select>" + "<option><optgroup>" * 100_000 + page
    seeds["unclosed-tables"] = "<table><td><table><caption>" * 50_000 + page
    return seeds


def text_seeds():
    reference = read("tests/fixtures/backend-api-developer.txt")
    seeds = {os.path.basename(p): read(p) for p in files("tests/fixtures/browser", ".txt")}
    seeds["reference"] = reference
    task_rows = [l for l in reference.splitlines() if l.startswith("|") and "%" in l]
    row = (task_rows[0] if task_rows else "| Task | 10% | 3 | Augmentation | why |") + "\n"
    at = reference.find(row) if task_rows else len(reference)
    seeds["wide-task-table"] = reference[:at] + row * (4_500_000 // len(row)) + reference[at:]
    seeds["one-long-line"] = "Role Definition " + "x" * (MAX - 100)
    seeds["blank-lines"] = "\n" * 2_000_000 + reference
    seeds["pipes"] = "|" * 3_000_000 + "\n" + reference
    seeds["bold-markers"] = "**" * 1_000_000 + "\n" + reference
    seeds["escapes"] = "\\" * 2_000_000 + "\n" + reference
    seeds["tabs"] = ("\t" * 1000 + "\n") * 2000 + reference
    return seeds


def assessment_seeds():
    seeds = {os.path.basename(p): read(p) for p in files("assessments", ".aijri.json")}
    role = json.loads(read("assessments/backend-api-developer.aijri.json"))
    role["tasks"] = role["tasks"] * (20_000 // len(role["tasks"]))
    seeds["many-tasks"] = json.dumps(role)
    seeds["deep-json"] = "[" * 200_000 + "]" * 200_000
    return seeds


def framework_seeds():
    published = json.loads(read("assets/framework/aijri-published-v1.json"))
    seeds = {
        "published": json.dumps(published, indent=2),
        "example": read("assets/framework/examples/evidence-0.06.aijri-framework.json"),
    }
    wide = json.loads(json.dumps(published))
    wide["id"] = "wide"
    wide["principles"][0]["max"] = 2_000_000_000
    seeds["wide-range"] = json.dumps(wide)
    eleven = json.loads(json.dumps(published))
    eleven["id"] = "eleven"
    eleven["growth"].update(min=-5, max=5, levels=[f"level {n}" for n in range(11)])
    seeds["eleven-values"] = json.dumps(eleven)
    long = json.loads(json.dumps(published))
    long["description"] = "d" * 4_000_000
    seeds["long-description"] = json.dumps(long)
    seeds["deep-json"] = '{"id":' + "[" * 200_000
    return seeds


def comparison_seeds():
    def comparison(count):
        roles = [{"file": f"roles/r{n}.aijri.json", "id": f"r{n}"} for n in range(count)]
        return json.dumps({"format": "aijri-comparison", "version": 1, "title": "J.S.",
                           "created": "2026-11-24", "framework": "aijri-published-v1",
                           "notes": "", "roles": roles})
    return {
        "three": comparison(3),
        "thousand": comparison(1000),
        "thousand-and-one": comparison(1001),
        "many": comparison(60_000),
        "deep-json": '{"roles":' + "[" * 200_000,
    }


SEEDS = {
    "import_html": html_seeds,
    "import_text": text_seeds,
    "load_file": assessment_seeds,
    "framework_file": framework_seeds,
    "comparison_file": comparison_seeds,
}


def main(corpus):
    for target, make in SEEDS.items():
        folder = os.path.join(corpus, target)
        os.makedirs(folder, exist_ok=True)
        for name, text in make().items():
            data = text.encode("utf-8")[:MAX]
            with open(os.path.join(folder, f"seed-{name}"), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
