#!/usr/bin/env python3
"""Makes the browser fixtures of tests/fixtures/browser/ with a real browser (headless Chromium).

For each assessment it takes the published text (`aijri-desk export FILE --format text`, so every
figure is the real one), renders it as the publisher's site would (a nav bar, the role's title,
headings, tables, lists, bold labels, a footer), and lets Chromium produce

  NAME.published.txt  the published text itself (the pipe form), to compare with;
  NAME.html           the page as the browser saves it (`chromium --dump-dom`: the DOM serialised);
  NAME.copied.txt     what Select All + Copy gives: `document.body.innerText` of the rendered page
                      (a script replaces the body with a <pre> of it, and `--dump-dom` prints that).

The assessments: the three shipped ones in assessments/ and one varied copy made by
scripts/gen_library.py (the first of its roles that is not Red, for another zone).

Usage: scripts/make-browser-fixtures.py [OUT_DIR=tests/fixtures/browser]
Needs: Debian's `chromium` (apt-get install chromium) and cargo. Run as root, Chromium needs
--no-sandbox there.
"""

import html
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
SHIPPED = ["backend-api-developer", "junior-backend-developer", "senior-backend-engineer"]
CHROMIUM = [
    "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--virtual-time-budget=2000",
]

# The published text's headings: level 2, or level 3 for the parts of the commentary.
HEADINGS = {
    "Role Definition": 2,
    "Protective Principles + AI Growth Correlation": 2,
    "Task Decomposition (Agentic AI Scoring)": 2,
    "Evidence Score": 2,
    "Barrier Assessment": 2,
    "AI Growth Correlation Check": 2,
    "JobZone Composite Score (AIJRI)": 2,
    "Sub-Label Determination": 2,
    "Assessor Commentary": 2,
    "Score vs Reality Check": 3,
    "What the Numbers Don't Capture": 3,
    "Who Should Worry (and Who Shouldn't)": 3,
    "What This Means": 3,
}
# Labelled lines, shown with the label in bold as the site does.
LABEL = re.compile(
    r"^(Seniority note:|Quick screen result:|Task Resistance Score:|Displacement/Augmentation split:"
    r"|Provisional:|Reinstatement check \(Acemoglu\):|Reframed question:|Raw:|JobZone Score:|Zone:"
    r"|Note:|Assessor override:|Survival strategy:|Where to look next\.|Timeline:)(.*)$"
)

NAV = """<nav class="site-nav"><a href="/">JobZoneRisk</a> <a href="/roles">All roles</a>
<a href="/method">Method</a> <a href="/about">About</a> <a href="/login">Sign in</a></nav>"""
FOOTER = """<footer class="site-footer"><p>© 2026 JobZoneRisk · AI Job Resistance Index</p>
<p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · <a href="/contact">Contact</a></p></footer>"""
COPY_SCRIPT = """<script>
window.addEventListener('load', function () {
  var copied = document.body.innerText;
  var pre = document.createElement('pre');
  pre.id = 'copied';
  pre.textContent = copied;
  document.body.replaceChildren(pre);
});
</script>"""


def run(args, **kwargs):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kwargs).stdout


def aijri(*args):
    return run(["cargo", "run", "--quiet", "--no-default-features", "--", *args], cwd=ROOT)


def unescape(text):
    """A field of the published text as plain text (Markdown escapes undone, `<br>` kept apart)."""
    parts = re.split(r"<br\s*/?>", text, flags=re.IGNORECASE)
    plain = [re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", p).replace("**", "") for p in parts]
    return "<br>".join(html.escape(p, quote=False) for p in plain)


def cells(row):
    inner = row.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.strip() for c in re.split(r"(?<!\\)\|", inner)]


def body_html(text):
    """The published text as the site's article: headings, tables, lists, labelled paragraphs."""
    out, table, items = [], [], []

    def flush():
        if table:
            head, *rows = table
            out.append("<table>\n<thead><tr>" + "".join(f"<th>{unescape(c)}</th>" for c in head)
                       + "</tr></thead>\n<tbody>")
            for row in rows:
                out.append("<tr>" + "".join(f"<td>{unescape(c)}</td>" for c in row) + "</tr>")
            out.append("</tbody>\n</table>")
            table.clear()
        if items:
            out.append("<ul>" + "".join(f"\n<li>{unescape(i)}</li>" for i in items) + "\n</ul>")
            items.clear()

    for line in text.splitlines():
        if re.fullmatch(r"\|?[\s|:-]+\|?", line) and "-" in line:
            continue  # a table's separator row
        if line.startswith("|"):
            if items:
                flush()
            table.append(cells(line))
            continue
        if line.startswith("- "):
            if table:
                flush()
            items.append(line[2:])
            continue
        flush()
        if not line.strip():
            continue
        level = HEADINGS.get(line)
        label = LABEL.match(line)
        if level:
            out.append(f"<h{level}>{html.escape(line, quote=False)}</h{level}>")
        elif label:
            rest = label.group(2).strip()
            out.append(f"<p><strong>{html.escape(label.group(1), quote=False)}</strong> {unescape(rest)}</p>")
        else:
            out.append(f"<p>{unescape(line[1:] if line.startswith(chr(92)) else line)}</p>")
    flush()
    return "\n".join(out)


def page(title, text, script=""):
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} — AIJRI | JobZoneRisk</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:auto}} table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:4px;vertical-align:top}} nav a{{margin-right:1em}}</style>
</head><body>
{NAV}
<main><article>
<p class="breadcrumb"><a href="/roles">Roles</a> › Technology</p>
<h1>{html.escape(title, quote=False)}</h1>
<p class="byline">AIJRI assessment · updated March 2026</p>
{body_html(text)}
</article></main>
{FOOTER}
{script}
</body></html>
"""


def dump_dom(page_html, workdir):
    path = os.path.join(workdir, "page.html")
    with open(path, "w", encoding="utf-8") as f:
        f.write(page_html)
    profile = tempfile.mkdtemp(prefix="chromium-profile-")
    return run([*CHROMIUM, f"--user-data-dir={profile}", "--dump-dom", f"file://{path}"])


def copied_text(dom):
    match = re.search(r'<pre id="copied">(.*?)</pre>', dom, flags=re.DOTALL)
    if not match:
        sys.exit("chromium gave no <pre id=copied>: the copy script did not run")
    return html.unescape(match.group(1))


def generated_role(workdir):
    """The first role of a small generated library that is not Red, as a file."""
    folder = os.path.join(workdir, "generated")
    run([sys.executable, os.path.join(ROOT, "scripts", "gen_library.py"), folder, "12"])
    files = sorted(os.path.join(d, n) for d, _, ns in os.walk(folder) for n in ns)
    for path in files:
        score = json.loads(aijri("score", "--json", path))
        if score["zone"] in ("yellow", "green"):
            return path
    sys.exit("no generated role outside the Red zone")


def main(out):
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as workdir:
        sources = [(n, os.path.join(ROOT, "assessments", f"{n}.aijri.json")) for n in SHIPPED]
        sources.append(("generated-role", generated_role(workdir)))
        for name, source in sources:
            text = aijri("export", source, "--format", "text")
            title = json.load(open(source, encoding="utf-8"))["role"]["title"]
            saved = dump_dom(page(title, text), workdir)
            copied = copied_text(dump_dom(page(title, text, COPY_SCRIPT), workdir))
            for suffix, content in [("published.txt", text), ("html", saved), ("copied.txt", copied)]:
                with open(os.path.join(out, f"{name}.{suffix}"), "w", encoding="utf-8") as f:
                    f.write(content)
            print(f"{name}: {len(saved)} bytes of HTML, {len(copied.splitlines())} lines copied")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "fixtures", "browser"))
