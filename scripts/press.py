#!/usr/bin/python3
"""Presses controls of the AIJRI Desk window by their accessible names, through AT-SPI, as a
screen-reader user would; then prints whether each expected name is on screen.

Usage: press.py [--expect NAME]... NAME...   (exit 1 when an expected name is missing)
"""

import sys
import time

import pyatspi

from a11y_tree import find_app, walk


def main(argv):
    expect, names = [], []
    it = iter(argv)
    for arg in it:
        if arg == "--expect":
            expect.append(next(it))
        else:
            names.append(arg)
    _, window = find_app()
    if window is None:
        return 2
    for name in names:
        nodes = [n for _, _, label, n in walk(window) if label == name]
        if not nodes:
            print(f"not found: {name!r}")
            return 1
        nodes[0].queryAction().doAction(0)
        print(f"pressed {name!r}")
        time.sleep(1.0)
    labels = {label for _, _, label, _ in walk(window)}
    missing = [name for name in expect if name not in labels]
    for name in expect:
        print(("shows " if name not in missing else "MISSING ") + repr(name))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
