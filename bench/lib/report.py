"""Turns one benchmark run's raw results into the table, bench/results/latest.md and the ratios.

    python report.py RUN_DIR OUT_MD

RUN_DIR holds results.txt (key=value lines written by bench/run) and the wrk outputs
wrk-nmp.txt, wrk-datasette.txt and wrk-nginx.txt. Prints the table, writes it with the
machine's details to OUT_MD, and prints the one `ratios:` line last.
"""

import math
import os
import re
import sys

import uncached_report

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(path):
    """Requests/s, p50 and p99 in ms, errors and requests from `wrk --latency` output."""
    if not os.path.exists(path):
        return None
    text = open(path).read()

    def latency(pct):
        m = re.search(rf"^\s*{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        return float(m.group(1)) * UNITS_MS[m.group(2)] if m else math.nan

    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    requests = re.search(r"(\d+) requests in", text)
    errors = 0
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    if m:
        errors += int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if m:
        errors += sum(int(x) for x in m.groups())
    return {
        "rps": float(rps.group(1)) if rps else math.nan,
        "p50": latency(50),
        "p99": latency(99),
        "errors": errors,
        "requests": int(requests.group(1)) if requests else 0,
    }


def number(r, key):
    try:
        return float(r[key])
    except (KeyError, ValueError):
        return math.nan


def fmt(x, digits=1):
    if isinstance(x, str):
        return x
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if abs(x) >= 1000:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def times(x, digits=1, suffix="x"):
    """A ratio as text: `12.3x`, or `n/a`."""
    return "n/a" if math.isnan(x) else f"{fmt(x, digits)}{suffix}"


def ratio(a, b):
    if any(isinstance(v, float) and math.isnan(v) for v in (a, b)) or not b:
        return math.nan
    return a / b


def main() -> int:
    run_dir, out_md = sys.argv[1], sys.argv[2]
    r = {}
    for line in open(os.path.join(run_dir, "results.txt")):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            r[k] = v
    nmp = parse_wrk(os.path.join(run_dir, "wrk-nmp.txt")) or {}
    ds = parse_wrk(os.path.join(run_dir, "wrk-datasette.txt")) or {}
    ngx = parse_wrk(os.path.join(run_dir, "wrk-nginx.txt")) or {}
    nan = math.nan

    rss_nmp = number(r, "rss_nmp_kb") / 1024
    rss_ds = number(r, "rss_datasette_kb") / 1024
    import_rows = number(r, "import_rows")
    nmp_import = import_rows / number(r, "import_nmp_s")
    bare_import = import_rows / number(r, "import_sqlite_bare_s")
    indexed_import = import_rows / number(r, "import_sqlite_indexed_s")
    pdf_nmp = number(r, "pdf_nmp_s")
    pdf_pandoc = number(r, "pdf_pandoc_s")
    pdf_warm = number(r, "pdf_warm_s")
    pdf_typst = number(r, "pdf_typst_s")
    pipeline_vs_typst = ratio(pdf_nmp, pdf_typst)
    pandoc_note = r.get("pdf_pandoc_note", "")
    warm_note = r.get("pdf_warm_note", "")

    ratios = {
        "api_rps_vs_datasette": ratio(nmp.get("rps", nan), ds.get("rps", nan)),
        "api_rps_vs_nginx_static": ratio(nmp.get("rps", nan), ngx.get("rps", nan)),
        "api_p99_vs_datasette": ratio(nmp.get("p99", nan), ds.get("p99", nan)),
        "rss_vs_datasette": ratio(rss_nmp, rss_ds),
        "pdf_speedup_vs_pandoc": ratio(pdf_pandoc, pdf_nmp),
        "pdf_warm_speedup_vs_pandoc": ratio(pdf_pandoc, pdf_warm),
        "pdf_mem_vs_pandoc": ratio(number(r, "pdf_nmp_rss_kb"), number(r, "pdf_pandoc_rss_kb")),
        "import_vs_sqlite3": ratio(nmp_import, bare_import),
        "import_pg_vs_copy": ratio(number(r, "import_pg_copy_s"), number(r, "import_pg_nmp_s")),
        "refit_vs_glmnet": number(r, "refit_vs_glmnet"),
        "search_p50_vs_datasette": ratio(number(r, "search_nmp_p50_ms"), number(r, "search_datasette_p50_ms")),
        "search_index_s": number(r, "search_index_s"),
        "propagation_p99_ms": number(r, "propagation_p99_ms"),
        **uncached_report.ratios(r),
    }

    ok = uncached_report.met

    rows = [
        ("API req/s (wrk, 64 connections)", fmt(nmp.get("rps", nan)), "Datasette", fmt(ds.get("rps", nan)),
         times(ratios['api_rps_vs_datasette']), ">= 40x", ok(ratios["api_rps_vs_datasette"], 40)),
        ("API req/s vs static file", fmt(nmp.get("rps", nan)), "nginx, same bytes", fmt(ngx.get("rps", nan)),
         times(ratios['api_rps_vs_nginx_static'], 2), ">= 0.4x", ok(ratios["api_rps_vs_nginx_static"], 0.4)),
        ("API p50 latency (ms)", fmt(nmp.get("p50", nan), 2), "Datasette", fmt(ds.get("p50", nan), 2), "", "", ""),
        ("API p99 latency (ms)", fmt(nmp.get("p99", nan), 2), "Datasette", fmt(ds.get("p99", nan), 2),
         times(ratios['api_p99_vs_datasette'], 3), "<= 0.05x", ok(ratios["api_p99_vs_datasette"], 0.05, False)),
        ("API p50 / p99 latency (ms)", "", "nginx", f"{fmt(ngx.get('p50', nan), 2)} / {fmt(ngx.get('p99', nan), 2)}",
         "", "", ""),
        ("API errors (non-2xx, socket)", fmt(nmp.get("errors", nan), 0), "Datasette / nginx",
         f"{fmt(ds.get('errors', nan), 0)} / {fmt(ngx.get('errors', nan), 0)}", "", "0", ""),
        ("peak RSS under load (MB)", fmt(rss_nmp), "Datasette", fmt(rss_ds),
         times(ratios['rss_vs_datasette'], 2), "<= 1x", ok(ratios["rss_vs_datasette"], 1, False)),
        ("PDF, cold process (s)", fmt(pdf_nmp, 2), "pandoc + xelatex", fmt(pdf_pandoc, 2) if not pandoc_note else pandoc_note,
         times(ratios['pdf_speedup_vs_pandoc'], 1, "x faster"), ">= 100x", ok(ratios["pdf_speedup_vs_pandoc"], 100)),
        ("PDF, cold process: seconds on this machine", fmt(pdf_nmp, 2), "", "", "", "<= 3 s", ok(pdf_nmp, 3, False)),
        ("PDF, whole pipeline vs the bare compile (s)", fmt(pdf_nmp, 2), "typst compile (CLI), same document",
         fmt(pdf_typst, 2), times(pipeline_vs_typst, 2), "<= 1.3x", ok(pipeline_vs_typst, 1.3, False)),
        ("PDF, first preview in a fresh `nmp serve` (s)", fmt(number(r, "pdf_warm_first_s"), 2), "", "", "", "", ""),
        ("PDF, rebuild after an edit in `nmp serve` (s)", fmt(pdf_warm, 3) if not warm_note else warm_note,
         "pandoc + xelatex", fmt(pdf_pandoc, 2) if not pandoc_note else pandoc_note,
         times(ratios['pdf_warm_speedup_vs_pandoc'], 1, "x faster"), ">= 300x", ok(ratios["pdf_warm_speedup_vs_pandoc"], 300)),
        ("PDF pages", fmt(number(r, "pdf_nmp_pages"), 0), "pandoc + xelatex / typst CLI",
         f"{fmt(number(r, 'pdf_pandoc_pages'), 0)} / {fmt(number(r, 'pdf_typst_pages'), 0)}", "", "", ""),
        ("PDF peak memory (MB)", fmt(number(r, "pdf_nmp_rss_kb") / 1024), "pandoc + xelatex / typst CLI",
         f"{fmt(number(r, 'pdf_pandoc_rss_kb') / 1024)} / {fmt(number(r, 'pdf_typst_rss_kb') / 1024)}",
         times(ratios["pdf_mem_vs_pandoc"], 2), "<= 1x (pandoc)", ok(ratios["pdf_mem_vs_pandoc"], 1, False)),
        (f"import rows/s ({fmt(import_rows, 0)}-row CSV, every row checked)", fmt(nmp_import), "sqlite3 .import, bare table",
         fmt(bare_import), times(ratios['import_vs_sqlite3'], 2), ">= 1x", ok(ratios["import_vs_sqlite3"], 1)),
        ("import rows/s, same table shape", fmt(nmp_import), "sqlite3 .import, same keys and indexes",
         fmt(indexed_import), times(ratio(nmp_import, indexed_import), 2), "", ""),
        ("import into PostgreSQL (s)", fmt(number(r, "import_pg_nmp_s"), 2), "psql \\copy, same keys (both foreign keys)",
         fmt(number(r, "import_pg_copy_s"), 2), times(ratios["import_pg_vs_copy"], 2), ">= 0.8x",
         ok(ratios["import_pg_vs_copy"], 0.8)),
        ("import into PostgreSQL (s), peer without the indicator's foreign key", fmt(number(r, "import_pg_nmp_s"), 2),
         "psql \\copy, country key only", fmt(number(r, "import_pg_copy_one_fk_s"), 2),
         times(ratio(number(r, "import_pg_copy_one_fk_s"), number(r, "import_pg_nmp_s")), 2), "", ""),
        ("risk model refit, 10-fold CV over the lambda path (s)", fmt(number(r, "risk_nmp_fit_s"), 2),
         "R glmnet cv.glmnet, same data", fmt(number(r, "risk_glmnet_fit_s"), 2) if "risk_note" not in r else r["risk_note"],
         times(ratios["refit_vs_glmnet"], 2), "", ""),
        ("risk model: rank correlation of the two forecasts", fmt(number(r, "refit_rank_corr_vs_glmnet"), 4),
         "", "", "", "", ""),
        ("start-up to first 200 on /healthz (ms)", fmt(number(r, "startup_ms")), "", "", "", "", ""),
        (f"search p50 latency (ms; {fmt(number(r, 'search_queries'), 0)} queries)", fmt(number(r, "search_nmp_p50_ms"), 2),
         "Datasette, SQLite FTS5", fmt(number(r, "search_datasette_p50_ms"), 2),
         times(ratios["search_p50_vs_datasette"], 3), "<= 0.2x", ok(ratios["search_p50_vs_datasette"], 0.2, False)),
        ("search p99 latency (ms)", fmt(number(r, "search_nmp_p99_ms"), 2), "Datasette, SQLite FTS5",
         fmt(number(r, "search_datasette_p99_ms"), 2),
         times(ratio(number(r, "search_nmp_p99_ms"), number(r, "search_datasette_p99_ms")), 3), "", ""),
        (f"search: index {fmt(number(r, 'search_documents'), 0)} documents (s)", fmt(ratios["search_index_s"], 2),
         "", "", "", "<= 10 s", ok(ratios["search_index_s"], 10, False)),
        ("write by another process seen by `nmp serve` on PostgreSQL, p50 / p99 (ms)",
         f"{fmt(number(r, 'propagation_p50_ms'), 1)} / {fmt(ratios['propagation_p99_ms'], 1)}",
         "the polling LISTEN/NOTIFY replaced", "500 ms period", "", "p99 <= 50 ms",
         ok(ratios["propagation_p99_ms"], 50, False)),
    ]
    rows += uncached_report.rows(r, fmt)
    header = ("measure", "NMP", "compared with", "their figure", "ratio", "goal", "met")
    table = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    table += ["| " + " | ".join(row) + " |" for row in rows]
    ratios_line = "ratios: " + " ".join(
        f"{k}={'nan' if math.isnan(v) else f'{v:.3f}'}" for k, v in ratios.items()
    )

    machine = [
        f"- run: {r.get('date', '?')}, mode {r.get('mode', '?')} (wrk {r.get('duration', '?')} s per server after "
        f"{r.get('warmup', '?')} s of warm-up; {r.get('import_runs', '?')} import run(s) and "
        f"{r.get('pdf_runs', '?')} PDF run(s) each, median)",
        f"- machine: {r.get('nproc', '?')} CPUs ({r.get('cpu', '?')}), {r.get('mem', '?')} RAM, Linux {r.get('kernel', '?')}",
        f"- load average before / after: {r.get('load_start', '?')} / {r.get('load_end', '?')}"
        + (" (the machine is shared with other work: absolute figures drift, ratios from one run hold better)"
           if r.get("shared") == "1" else ""),
        f"- versions: {r.get('v_nmp', '?')}; {r.get('v_rustc', '?')}; Datasette {r.get('v_datasette', '?')}; "
        f"{r.get('v_nginx', '?')}; {r.get('v_wrk', '?')}; sqlite3 {r.get('v_sqlite3', '?')}; "
        f"{r.get('v_pandoc', '?')}; {r.get('v_xelatex', '?')}; {r.get('v_typst', '?')}",
        f"- data: {r.get('data', '?')}",
        f"- API request: NMP `{r.get('nmp_path', '?')}`, Datasette `{r.get('datasette_path', '?')}` "
        f"(canned query in bench/datasette-metadata.json; both answers checked to hold the same "
        f"{r.get('rows_compared', '?')} rows), nginx serving NMP's answer bytes as a static file",
    ]
    notes = [n for n in (pandoc_note, warm_note) if n]
    text = "\n".join(table)
    print(text)
    with open(out_md, "w") as out:
        out.write("# Benchmark results (bench/run)\n\n")
        out.write("\n".join(machine) + "\n\n")
        out.write(text + "\n\n")
        by_kind = uncached_report.kinds_table(r)
        if by_kind:
            out.write(by_kind + "\n\n")
        if notes:
            out.write("Not measured yet: " + "; ".join(sorted(set(notes))) + ".\n\n")
        out.write(ratios_line + "\n")
    print()
    print(ratios_line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
