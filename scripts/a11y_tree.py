#!/usr/bin/python3
"""Lists AIJRI Desk's window as a screen reader sees it (AT-SPI) and checks every control is named.

Run through scripts/a11y-tree.sh, which starts Xvfb, a D-Bus session with the accessibility bus
and the program. This script finds the window, prints its tree, then visits every editor tab and
the Compare and What-if views by pressing their buttons through AT-SPI (as a screen reader user
would), and prints each control that has no name. Exit status 1 when an unnamed control exists.
"""

import sys
import time

import pyatspi

# Roles a user operates: each needs a name a screen reader can read out.
CONTROLS = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text", "entry",
    "spin button", "slider", "menu item", "check menu item", "radio menu item", "link",
    "page tab", "list item",
}
VIEWS = ["Overview", "Protective & growth", "Tasks", "Evidence", "Barriers", "Score",
         "Commentary", "Compare", "What-if", "Framework editor", "Editor"]


def find_app(name="AIJRI Desk", timeout=20.0):
    """The application and its window named `name`; prints what is there when it is not found."""
    desktop = pyatspi.Registry.getDesktop(0)
    deadline = time.time() + timeout
    seen = []
    while time.time() < deadline:
        seen = []
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is None:
                continue
            for j in range(app.childCount):
                window = app.getChildAtIndex(j)
                if window is None:
                    continue
                seen.append((app.name, window.getRoleName(), window.name))
                if window.name == name:
                    return app, window
        time.sleep(0.5)
    for app_name, role, window_name in seen:
        print(f"seen: application {app_name!r}, {role} {window_name!r}", file=sys.stderr)
    return None, None


def walk(node, depth=0, out=None):
    if out is None:
        out = []
    try:
        role, name = node.getRoleName(), node.name
    except Exception:  # a node that vanished while walking
        return out
    out.append((depth, role, name, node))
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            walk(child, depth + 1, out)
    return out


def press(window, label):
    for _, role, name, node in walk(window):
        if name == label and role in ("push button", "toggle button", "page tab"):
            try:
                node.queryAction().doAction(0)
                time.sleep(0.8)
                return True
            except NotImplementedError:
                return False
    return False


def main():
    app, window = find_app()
    if window is None:
        print("no window named 'AIJRI Desk' on the accessibility bus", file=sys.stderr)
        return 2
    print(f"application: {app.name!r}; window: {window.name!r}")
    unnamed = {}
    total = 0
    for view in [None] + VIEWS:
        if view is not None and not press(window, view):
            print(f"(could not press {view!r})")
            continue
        nodes = walk(window)
        print(f"\n== {view or 'start'}: {len(nodes)} nodes")
        for depth, role, name, _ in nodes:
            if view is None:
                print("  " * depth + f"{role}: {name!r}")
            if role in CONTROLS:
                total += 1
                if not name.strip():
                    unnamed.setdefault((view, role), 0)
                    unnamed[(view, role)] += 1
    print(f"\ncontrols seen: {total}; unnamed: {sum(unnamed.values())}")
    for (view, role), count in sorted(unnamed.items(), key=str):
        print(f"  unnamed {role} x{count} in {view or 'start'}")
    return 1 if unnamed else 0


if __name__ == "__main__":
    sys.exit(main())
