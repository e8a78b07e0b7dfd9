"""Checks that NMP and Datasette answer with the same rows.

    python compare.py NMP_URL DATASETTE_URL

NMP's answer is {"items": [...], ...}; Datasette's (with _shape=array) is a list of rows. Both
must hold the same rows, in the same order, with the same fields and values. Prints the number
of rows; exits non-zero and shows the first difference otherwise.
"""

import json
import sys
import urllib.request


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def main() -> int:
    nmp = fetch(sys.argv[1])["items"]
    datasette = fetch(sys.argv[2])
    if len(nmp) != len(datasette):
        print(f"NMP has {len(nmp)} rows, Datasette {len(datasette)}", file=sys.stderr)
        return 1
    for i, (a, b) in enumerate(zip(nmp, datasette)):
        if a != b:
            fields = sorted(set(a) | set(b))
            diff = {f: (a.get(f), b.get(f)) for f in fields if a.get(f) != b.get(f)}
            print(f"row {i + 1} differs (NMP, Datasette): {diff}", file=sys.stderr)
            return 1
    if not nmp:
        print("both answers are empty: nothing was compared", file=sys.stderr)
        return 1
    print(len(nmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
