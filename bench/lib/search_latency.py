"""Latency of a search endpoint over a fixed list of queries, one request at a time.

    python search_latency.py QUERIES URL_TEMPLATE ROUNDS

URL_TEMPLATE holds `{q}`, replaced by each query (URL-encoded). Every query is sent once to warm
up, then ROUNDS times in the file's order, over one keep-alive connection; prints
`p50_ms p99_ms requests queries_with_hits`. A hit count is read from the JSON answer: `total`
(NMP), the hits given (NMP with `counts=none`) or the length of the array (Datasette's
`_shape=array`).
"""

import http.client
import json
import sys
import time
import urllib.parse


def percentile(values, pct):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def main() -> int:
    queries = [q for q in open(sys.argv[1], encoding="utf-8").read().splitlines() if q.strip()]
    template = sys.argv[2]
    rounds = int(sys.argv[3])
    base = urllib.parse.urlsplit(template.replace("{q}", "x"))
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=30)

    def ask(q):
        url = urllib.parse.urlsplit(template.replace("{q}", urllib.parse.quote(q)))
        started = time.perf_counter()
        conn.request("GET", f"{url.path}?{url.query}")
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise SystemExit(f"{template}: {q!r} answered {response.status}: {body[:200]!r}")
        answer = json.loads(body)
        if isinstance(answer, list):
            hits = len(answer)
        elif answer.get("total") is not None:
            hits = answer["total"]
        else:  # NMP asked not to count (counts=none): the hits given
            hits = sum(len(g["hits"]) for g in answer["groups"])
        return elapsed, hits

    with_hits = sum(1 for q in queries if ask(q)[1] > 0)
    times = [ask(q)[0] for _ in range(rounds) for q in queries]
    print(f"{percentile(times, 50):.3f} {percentile(times, 99):.3f} {len(times)} {with_hits}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
