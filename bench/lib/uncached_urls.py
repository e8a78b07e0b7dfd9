"""The fixed mix of bench/uncached: 1,000 distinct NMP URLs, each with Datasette's equivalent.

    python uncached_urls.py make DB OUT_DIR [KIND ...]
                                                writes OUT_DIR/nmp.txt, OUT_DIR/datasette.txt (one
                                                path a line, the same order) and OUT_DIR/kinds.txt,
                                                leaving out the URLs of the KINDs named (e.g.
                                                api-source-list), when a part is too slow to run
    python uncached_urls.py check BASE PATHS [KINDS]
                                                asks for every path of PATHS once from BASE, one at
                                                a time; fails on any answer but 200; prints
                                                `requests p50_ms p99_ms bytes`, and with KINDS
                                                (the mix's kinds.txt) a line `kind requests p50_ms
                                                largest_ms bytes` a kind after it
    python uncached_urls.py by-kind BASE DIR    asks for every path of DIR/nmp.txt once, one at a
                                                time, and prints each kind's (DIR/kinds.txt) total,
                                                p50 and largest time and mean size: where the
                                                mix's time goes

The mix (the same at every scale: it names mechanisms 1 to 150, which every scale has, and the
mechanism lists' offsets stay within the smallest scale's 150 rows, so a larger scale answers the
same questions over bigger tables; a source list of one kind past its last row at scale 1 is an
empty page there):

- 300 API mechanism lists: `/api/v1/mechanisms` with no filter, a region, a type, a status, or a
  region and a type; limit 20 or 50; offset 0 to 140;
- 50 mechanism list pages: `/mechanisms` with the same filters, or a country;
- 150 mechanism pages `/mechanisms/SLUG` and 100 API mechanisms `/api/v1/mechanisms/SLUG`;
- 150 country pages `/countries/ISO3`;
- 250 API lists: 50 of countries (region, regional group, has_mechanism, limit, offset), 50 of
  initiatives (region, limit, offset), 150 of sources (kind, limit 20 or 50, offset 0 to 1,900).

Datasette answers each through a canned query of bench/uncached/datasette-metadata.json: an API
URL with the query's JSON (`.json?...&_shape=array`), a page with the query's HTML page. Search
is left out (bench/search measures it). The order is shuffled with a fixed seed, so that a run
cut short by its duration still asks for a fair sample of the mix.
"""

import http.client
import os
import random
import sqlite3
import sys
import time
import urllib.parse

REGIONS = ["africa", "americas", "asia", "europe", "oceania"]
STATUSES = ["established", "active", "dormant"]


def q(params):
    return urllib.parse.urlencode(params)


def make(db, out_dir, exclude=()):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    types = [r[0] for r in con.execute("select distinct mechanism_type from mechanism order by 1")]
    groups = [r[0] for r in con.execute(
        "select distinct un_regional_group from country where un_regional_group is not null order by 1")]
    source_kinds = [r[0] for r in con.execute("select distinct kind from source order by 1")]
    countries = [r[0] for r in con.execute("select country_iso3 from country order by 1")][:150]
    with_mechanism = [r[0] for r in con.execute(
        "select distinct country_iso3 from mechanism where country_iso3 is not null order by 1")]
    con.close()
    rng = random.Random(27)
    pairs = []  # (kind, nmp path, datasette path)

    def mechanisms_api(f, limit, offset):
        nmp = {**f, "limit": limit, "offset": offset}
        ds = {"region": f.get("region", ""), "type": f.get("type", ""), "status": f.get("status", ""),
              "country": f.get("country", ""), "limit": limit, "offset": offset, "_shape": "array"}
        pairs.append(("api-mechanism-list", f"/api/v1/mechanisms?{q(nmp)}", f"/synthetic/mechanisms.json?{q(ds)}"))

    filters = [{}] + [{"region": r} for r in REGIONS] + [{"type": t} for t in types] \
        + [{"status": s} for s in STATUSES] + [{"region": r, "type": t} for r in REGIONS for t in types]
    combos = [(f, limit, offset) for f in filters for limit in (20, 50) for offset in range(0, 150, 20)]
    rng.shuffle(combos)
    for f, limit, offset in combos[:300]:
        mechanisms_api(f, limit, offset)

    page_filters = filters[:]
    for iso3 in with_mechanism:
        if len(page_filters) >= 50:
            break
        page_filters.append({"country": iso3})
    for f in page_filters[:50]:
        ds = {"region": f.get("region", ""), "type": f.get("type", ""), "status": f.get("status", ""),
              "country": f.get("country", ""), "limit": "", "offset": ""}
        pairs.append(("page-mechanism-list", "/mechanisms" + (f"?{q(f)}" if f else ""), f"/synthetic/mechanisms?{q(ds)}"))

    slugs = [f"synthetic-mechanism-{n:03}" for n in range(1, 151)]
    for slug in slugs:
        pairs.append(("page-mechanism", f"/mechanisms/{slug}", f"/synthetic/mechanism?{q({'slug': slug})}"))
    for slug in slugs[:100]:
        pairs.append(("api-mechanism", f"/api/v1/mechanisms/{slug}",
                      f"/synthetic/mechanism.json?{q({'slug': slug, '_shape': 'array'})}"))
    for iso3 in countries:
        pairs.append(("page-country", f"/countries/{iso3.lower()}", f"/synthetic/country?{q({'iso3': iso3})}"))

    country_combos = []
    for f in [{}] + [{"region": r} for r in REGIONS] + [{"group": g} for g in groups] \
            + [{"has_mechanism": v} for v in ("yes", "no")]:
        for limit, offset in ((50, 0), (50, 50), (20, 0), (100, 0)):
            country_combos.append((f, limit, offset))
    rng.shuffle(country_combos)
    for f, limit, offset in country_combos[:50]:
        ds = {"region": f.get("region", ""), "group": f.get("group", ""),
              "has_mechanism": f.get("has_mechanism", ""), "limit": limit, "offset": offset, "_shape": "array"}
        pairs.append(("api-country-list", f"/api/v1/countries?{q({**f, 'limit': limit, 'offset': offset})}",
                      f"/synthetic/countries.json?{q(ds)}"))

    initiative_combos = [(f, limit, offset) for f in [{}] + [{"region": r} for r in REGIONS]
                         for limit in (10, 20) for offset in range(0, 40, 5)]
    rng.shuffle(initiative_combos)
    for f, limit, offset in initiative_combos[:50]:
        ds = {"region": f.get("region", ""), "limit": limit, "offset": offset, "_shape": "array"}
        pairs.append(("api-initiative-list", f"/api/v1/initiatives?{q({**f, 'limit': limit, 'offset': offset})}",
                      f"/synthetic/initiatives.json?{q(ds)}"))

    source_combos = [(f, limit, offset) for f in [{}] + [{"kind": k} for k in source_kinds]
                     for limit in (20, 50) for offset in range(0, 2000, 100)]
    rng.shuffle(source_combos)
    for f, limit, offset in source_combos[:150]:
        ds = {"kind": f.get("kind", ""), "limit": limit, "offset": offset, "_shape": "array"}
        pairs.append(("api-source-list", f"/api/v1/sources?{q({**f, 'limit': limit, 'offset': offset})}",
                      f"/synthetic/sources.json?{q(ds)}"))

    nmp_paths = [p[1] for p in pairs]
    if len(pairs) != 1000 or len(set(nmp_paths)) != 1000 or len({p[2] for p in pairs}) != 1000:
        raise SystemExit(f"uncached_urls.py: the mix has {len(pairs)} URLs, {len(set(nmp_paths))} distinct (want 1,000)")
    rng.shuffle(pairs)
    pairs = [p for p in pairs if p[0] not in exclude]
    os.makedirs(out_dir, exist_ok=True)
    for name, i in (("kinds.txt", 0), ("nmp.txt", 1), ("datasette.txt", 2)):
        with open(os.path.join(out_dir, name), "w") as out:
            out.write("".join(p[i] + "\n" for p in pairs))
    return 0


def percentile(values, pct):
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def check(base, paths_file, kinds_file=None):
    """Asks for every URL once, one at a time; prints `count p50 p99 bytes`, then with a kinds
    file (the mix's kinds.txt, in the same order) one line `kind count p50 largest bytes` a kind."""
    paths = [p for p in open(paths_file).read().splitlines() if p]
    kinds = open(kinds_file).read().splitlines() if kinds_file else ["all"] * len(paths)
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    times, total = [], 0
    by_kind_times, by_kind_bytes = {}, {}
    for path, kind in zip(paths, kinds):
        started = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        ms = (time.perf_counter() - started) * 1000
        times.append(ms)
        if response.status != 200:
            raise SystemExit(f"uncached_urls.py: {base}{path} answered {response.status}: {body[:300]!r}")
        total += len(body)
        by_kind_times.setdefault(kind, []).append(ms)
        by_kind_bytes[kind] = by_kind_bytes.get(kind, 0) + len(body)
    print(f"{len(times)} {percentile(times, 50):.3f} {percentile(times, 99):.3f} {total}")
    if kinds_file:
        for kind, values in sorted(by_kind_times.items()):
            print(f"{kind} {len(values)} {percentile(values, 50):.3f} {max(values):.3f} {by_kind_bytes[kind]}")
    return 0


def by_kind(base, directory):
    paths = open(os.path.join(directory, "nmp.txt")).read().splitlines()
    kinds = open(os.path.join(directory, "kinds.txt")).read().splitlines()
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
    times, sizes = {}, {}
    for path, kind in zip(paths, kinds):
        started = time.perf_counter()
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"uncached_urls.py: {base}{path} answered {response.status}")
        times.setdefault(kind, []).append((time.perf_counter() - started) * 1000)
        sizes[kind] = sizes.get(kind, 0) + len(body)
    print("| kind | URLs | total (ms) | p50 (ms) | largest (ms) | mean size (KB) |")
    print("|---|---|---|---|---|---|")
    for kind, values in sorted(times.items(), key=lambda kv: -sum(kv[1])):
        print(f"| {kind} | {len(values)} | {sum(values):,.0f} | {percentile(values, 50):.2f} | "
              f"{max(values):.2f} | {sizes[kind] / len(values) / 1024:,.1f} |")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "by-kind":
        sys.exit(by_kind(sys.argv[2], sys.argv[3]))
    if len(sys.argv) >= 4 and sys.argv[1] == "make":
        sys.exit(make(sys.argv[2], sys.argv[3], set(sys.argv[4:])))
    if len(sys.argv) in (4, 5) and sys.argv[1] == "check":
        sys.exit(check(*sys.argv[2:]))
    sys.exit(__doc__)
