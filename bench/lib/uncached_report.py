"""The table and the two ratios of bench/uncached/run, from its key=value results.

    python uncached_report.py RESULTS OUT_MD     (OUT_MD /dev/null: print only)

Also imported by report.py (bench/run's report): `ratios(r)` and `rows(r, fmt)`.

- `uncached_rps_vs_datasette`: NMP's req/s over Datasette's at scale 1 (wrk, the same mix);
- `uncached_p50_growth_100x`: NMP's p50 of one request alone at scale 100 over scale 1 (1 would
  be no growth at all; 100 a cost in proportion to the data).
A part that did not run is nan, and its row says why.
"""

import math
import sys


def read(path):
    r = {}
    for line in open(path):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            r[k] = v
    return r


def number(r, key):
    try:
        return float(r[key])
    except (KeyError, ValueError):
        return math.nan


def met(value, goal, higher_is_better=True):
    """The "met" column of a goal: yes, **no**, or n/a when the value could not be measured."""
    if math.isnan(value):
        return "n/a"
    return "yes" if (value >= goal if higher_is_better else value <= goal) else "**no**"


def ratio(a, b):
    return a / b if b and not math.isnan(a) and not math.isnan(b) else math.nan


def scales(r):
    return [s for s in r.get("uncached_scales", "").split() if s]


def ratios(r):
    return {
        "uncached_rps_vs_datasette": ratio(number(r, "uncached_s1_nmp_rps"), number(r, "uncached_s1_datasette_rps")),
        "uncached_p50_growth_100x": ratio(
            number(r, "uncached_s100_nmp_alone_p50_ms"), number(r, "uncached_s1_nmp_alone_p50_ms")
        ),
    }


def why_not(r, n):
    """Why scale n has no figures, or None."""
    if f"uncached_s{n}_note" in r:
        return r[f"uncached_s{n}_note"]
    if n not in scales(r):
        return "not asked for (NMP_UNCACHED_SCALES; --quick runs scale 1 only)"
    if f"uncached_s{n}_nmp_rps" not in r:
        return "did not finish"
    return None


def rows(r, fmt):
    """Rows of (measure, NMP, compared with, their figure, ratio, goal, met) for report.py."""
    out = []
    x = ratios(r)
    if r.get("uncached_excluded"):
        out.append(("uncached mix: URLs asked", r.get("uncached_urls", "?"), "", "", "", "",
                    f"left out: {r['uncached_excluded']} (NMP_UNCACHED_EXCLUDE)"))
    for n in scales(r) or ["1"]:
        reason = why_not(r, n)
        label = f"uncached mix, scale {n}"
        if reason:
            out.append((f"{label}: req/s", "n/a", "Datasette", "n/a", "n/a", "", reason))
            continue
        rps = ratio(number(r, f"uncached_s{n}_nmp_rps"), number(r, f"uncached_s{n}_datasette_rps"))
        goal, done = ("", "")
        if n == "1":
            goal, done = ">= 20x", met(rps, 20)
        out.append((f"{label}: req/s (wrk, {r.get('uncached_connections', '?')} connections)",
                    fmt(number(r, f"uncached_s{n}_nmp_rps")), "Datasette, canned queries",
                    fmt(number(r, f"uncached_s{n}_datasette_rps")), f"{fmt(rps, 2)}x", goal, done))
        out.append((f"{label}: p50 / p99 alone (ms)",
                     f"{fmt(number(r, f'uncached_s{n}_nmp_alone_p50_ms'), 2)} / {fmt(number(r, f'uncached_s{n}_nmp_alone_p99_ms'), 2)}",
                     "Datasette, canned queries",
                     f"{fmt(number(r, f'uncached_s{n}_datasette_alone_p50_ms'), 2)} / {fmt(number(r, f'uncached_s{n}_datasette_alone_p99_ms'), 2)}",
                     f"{fmt(ratio(number(r, f'uncached_s{n}_nmp_alone_p50_ms'), number(r, f'uncached_s{n}_datasette_alone_p50_ms')), 3)}x",
                     "", ""))
        out.append((f"{label}: p50 / p99 under load (ms)",
                     f"{fmt(number(r, f'uncached_s{n}_nmp_p50_ms'), 2)} / {fmt(number(r, f'uncached_s{n}_nmp_p99_ms'), 2)}",
                     "Datasette, canned queries",
                     f"{fmt(number(r, f'uncached_s{n}_datasette_p50_ms'), 2)} / {fmt(number(r, f'uncached_s{n}_datasette_p99_ms'), 2)}",
                     "", "", ""))
    for n in scales(r):
        if n not in ("1", "100") and not why_not(r, n) and not why_not(r, "1"):
            g = ratio(number(r, f"uncached_s{n}_nmp_alone_p50_ms"), number(r, "uncached_s1_nmp_alone_p50_ms"))
            d = ratio(number(r, f"uncached_s{n}_datasette_alone_p50_ms"), number(r, "uncached_s1_datasette_alone_p50_ms"))
            out.append((f"uncached p50 alone, scale {n} / scale 1", f"{fmt(g, 2)}x", "Datasette", f"{fmt(d, 2)}x", "", "", ""))
    growth = x["uncached_p50_growth_100x"]
    reason = why_not(r, "100") or why_not(r, "1") or ""
    ds_growth = ratio(number(r, "uncached_s100_datasette_alone_p50_ms"), number(r, "uncached_s1_datasette_alone_p50_ms"))
    out.append(("uncached p50 alone, scale 100 / scale 1", f"{fmt(growth, 2)}x" if not math.isnan(growth) else "n/a",
                "Datasette", f"{fmt(ds_growth, 2)}x" if not math.isnan(ds_growth) else "n/a", "", "<= 2x",
                reason or met(growth, 2, False)))
    return out


def kinds(r, n, side):
    """Scale n's figures by kind of URL for side (nmp, datasette), from the one-at-a-time pass:
    {kind: (requests, p50_ms, largest_ms, bytes)}."""
    prefix = f"uncached_s{n}_{side}_kind_"
    out = {}
    for key, value in r.items():
        if key.startswith(prefix):
            try:
                c, p50, largest, size = value.split()
                out[key[len(prefix):]] = (int(c), float(p50), float(largest), int(size))
            except ValueError:
                continue
    return out


def kinds_table(r):
    """Markdown: each kind of URL's p50 alone at every scale, NMP and Datasette, with NMP's mean
    answer size: which answers grow with the data, and by how much. Empty when not measured."""
    ran = [n for n in scales(r) if not why_not(r, n) and kinds(r, n, "nmp")]
    if not ran:
        return ""
    names = sorted({k for n in ran for k in kinds(r, n, "nmp")})
    head = ["kind", "URLs"] + [f"NMP p50 s{n} (ms)" for n in ran] + [f"Datasette p50 s{n} (ms)" for n in ran] + [
        f"NMP mean size s{n} (KB)" for n in ran]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for k in names:
        cells = [k, str(kinds(r, ran[0], "nmp").get(k, (0,))[0])]
        for side, i, scale_of in (("nmp", 1, 1), ("datasette", 1, 1), ("nmp", 3, 1024)):
            for n in ran:
                got = kinds(r, n, side).get(k)
                if not got:
                    cells.append("n/a")
                elif i == 3:
                    cells.append(fmt(got[3] / got[0] / scale_of, 1))
                else:
                    cells.append(fmt(got[i], 2))
        lines.append("| " + " | ".join(cells) + " |")
    return ("Each kind of URL, one request at a time (the pass before the load; p50 in ms, and NMP's "
            "mean answer size):\n\n" + "\n".join(lines))


def fmt(x, digits=1):
    if isinstance(x, str):
        return x
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def main():
    r = read(sys.argv[1])
    out_md = sys.argv[2]
    header = ("measure", "NMP (read cache off)", "compared with", "their figure", "ratio", "goal", "met / note")
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    table += ["| " + " | ".join(row) + " |" for row in rows(r, fmt)]
    gen = []
    for n in scales(r):
        if f"uncached_s{n}_gen_s" in r:
            rows_n, secs = number(r, f"uncached_s{n}_rows"), number(r, f"uncached_s{n}_gen_s")
            gen.append(
                f"| {n} | {fmt(number(r, f'uncached_s{n}_mechanisms'), 0)} | {fmt(number(r, f'uncached_s{n}_activities'), 0)} | "
                f"{fmt(number(r, f'uncached_s{n}_citations'), 0)} | {fmt(rows_n, 0)} | {fmt(secs, 1)} | "
                f"{fmt(ratio(rows_n, secs), 0)} | {fmt(number(r, f'uncached_s{n}_gen_rss_kb') / 1024, 0)} | "
                f"{fmt(number(r, f'uncached_s{n}_db_mb'), 0)} | {fmt(number(r, f'uncached_s{n}_index_s'), 1)} |"
            )
    gen_table = [
        "| scale | mechanisms | activities | citations | rows written | seconds | rows/s | peak RSS (MB) | file (MB) "
        "| search index built (s) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ] + gen
    x = ratios(r)
    line = " ".join(f"{k}={'nan' if math.isnan(v) else f'{v:.3f}'}" for k, v in x.items())
    text = "\n".join(table) + "\n\nGeneration (`nmp demo synthetic --scale N`):\n\n" + "\n".join(gen_table)
    by_kind = kinds_table(r)
    if by_kind:
        text += "\n\n" + by_kind
    print(text, file=sys.stderr)
    if out_md != "/dev/null":
        with open(out_md, "w") as out:
            out.write("# Uncached reads at scale (bench/uncached/run)\n\n")
            out.write(
                f"- run: {r.get('date', '?')}; {r.get('nproc', '?')} CPUs ({r.get('cpu', '?')}), {r.get('mem', '?')} RAM; "
                f"load average before / after: {r.get('load_start', '?')} / {r.get('load_end', '?')}\n"
                f"- versions: {r.get('v_nmp', '?')}; Datasette {r.get('v_datasette', '?')}; {r.get('v_wrk', '?')}\n"
                f"- the mix: 1,000 distinct URLs (bench/lib/uncached_urls.py); wrk {r.get('uncached_duration', '?')} s "
                f"per server and scale, {r.get('uncached_connections', '?')} connections; NMP with NMP_READ_CACHE=off, "
                "Datasette --immutable with the canned queries of bench/uncached/datasette-metadata.json\n\n"
            )
            out.write(text + "\n\n" + line + "\n")
    print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
