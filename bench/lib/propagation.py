"""How soon a server sees a write made by another process on the same PostgreSQL database.

    python propagation.py NMP DATABASE_URL SERVER_URL ROUNDS

Each round writes one SYNTHETIC source with `NMP import records` (another process, as a second
server's write would be: the database's notice is the same whoever commits), then asks
SERVER_URL's `/api/v1/sources?limit=1` every millisecond until its `total` counts the new row.
Before each write the answer is asked twice, so the server holds it in its read cache: what is
measured is how soon the cache learns of the write, from the moment the writing process has
exited (its transaction committed). Prints `p50_ms p99_ms max_ms rounds`.
"""

import csv
import http.client
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.parse

HEADER = ["source_id", "version", "slug", "title", "kind", "author", "publisher", "published_on",
          "url", "accessed_on", "language", "note", "archived_url"]


def percentile(values, pct):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def main() -> int:
    nmp, database_url, server, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    base = urllib.parse.urlsplit(server)
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)

    def total():
        conn.request("GET", "/api/v1/sources?limit=1")
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"{server}/api/v1/sources answered {response.status}: {body[:200]!r}")
        return json.loads(body)["total"]

    times = []
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "probe.csv")
        for i in range(rounds):
            before = total()
            assert total() == before
            with open(path, "w", newline="", encoding="utf-8") as f:
                w = csv.writer(f)
                w.writerow(HEADER)
                w.writerow(["", "", f"synthetic-propagation-{os.getpid()}-{i}",
                            f"SYNTHETIC propagation probe {i}", "web_page", "", "", "", "", "",
                            "en", "SYNTHETIC: written by bench/propagation", ""])
            subprocess.run([nmp, "--database-url", database_url, "import", "records", path,
                            "--kind", "sources"], check=True, stdout=subprocess.DEVNULL)
            written = time.perf_counter()
            deadline = written + 10
            while total() != before + 1:
                if time.perf_counter() > deadline:
                    raise SystemExit(f"round {i}: the write was not seen within 10 s")
                time.sleep(0.001)
            times.append((time.perf_counter() - written) * 1000)
    # The slowest rounds, in the order they ran: one outlier or a pattern (every n-th write)?
    slow = sorted(range(len(times)), key=lambda i: -times[i])[:5]
    print("slowest rounds: " + ", ".join(f"#{i} {times[i]:.1f} ms" for i in sorted(slow)), file=sys.stderr)
    print(f"{percentile(times, 50):.2f} {percentile(times, 99):.2f} {max(times):.2f} {len(times)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
