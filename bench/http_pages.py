"""Every main page over real HTTP, as people meet the portal: gunicorn with production
settings and the compose file's number of sync workers, on a 20-year dataset.

Run from the repository root:  .tools/bin/uv run --locked python bench/http_pages.py
(`make bench` runs it last). Needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379.

It drops and creates the database avk_bench_http (or AVK_BENCH_HTTP_DB), migrates it, collects
the static files and builds, with bulk_create, the dataset of shared/quality.md: 20 years of
governance (bench/governance.py: 2,000 memos, 5,000 proposed decisions, 60,000 votes), 51
partners with 20 years of commitments and quick scans (bench/run.py), 20 years of indicators
for 15 areas, 3 reflection levels x 20 years and a phase plan of 40 efforts with 20 quarterly
updates each (bench/results_data.py), and 200 pilots with 5,000 public sign-ups
(bench/movement_data.py). Then it starts gunicorn and requests every main page
with a logged-in session of the kind of person who uses it, round-robin with `/healthz/` in
the same run: first with one client, then with four at once. Queries per page are counted
in-process on the same database. It prints the figures and writes the section "Pages over
HTTP" of bench/RESULTS.md (replacing an earlier one), with the machine's load at start and end.
"""

import http.client
import os
import re
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
import results_file  # noqa: E402
import run  # noqa: E402  (the shared helpers; its import sets the environment)
from http_page_list import pages, sessions  # noqa: E402

DB_NAME = os.environ.get("AVK_BENCH_HTTP_DB", "avk_bench_http")
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"
PORT = int(os.environ.get("AVK_BENCH_PORT", "8765"))
HEADING = "## Pages over HTTP (gunicorn, production settings, 20 years of data)"
COMMAND = ".tools/bin/uv run --locked python bench/http_pages.py"
WARMUP_ROUNDS = 10
ROUNDS_ONE = 80  # one client: every page this often
ROUNDS_EACH = 40  # four clients: each of them every page this often
CLIENTS = 4
# The bars (shared/quality.md, Performance).
P95_CONCURRENT_MS = 50.0
RATIO = 4.0

os.environ.update(
    {
        "DJANGO_ENV": "production",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,testserver",
        "DATABASE_URL": DATABASE_URL,
        "AVK_VOTE_REQUIRE_MFA": "false",
    }
)
os.environ.pop("DJANGO_DEBUG", None)


def compose_workers() -> int:
    """The number of gunicorn workers docker-compose.yml starts."""
    match = re.search(r"gunicorn .*--workers (\d+)", (run.ROOT / "docker-compose.yml").read_text())
    if not match:
        raise SystemExit("docker-compose.yml starts gunicorn without --workers")
    return int(match.group(1))


def load() -> str:
    return " / ".join(f"{value:.2f}" for value in os.getloadavg())


# --- the dataset --------------------------------------------------------------------------


def build() -> dict:
    """The 20-year dataset; returns the people and the pages to measure."""
    from django.core.management import call_command
    from django.db import connection

    from bench import governance_data, mornings_data, movement_data
    from bench.results_data import build_results_history

    call_command("collectstatic", interactive=False, verbosity=0)
    gov = governance_data.build_dataset()
    data = run.build_dataset(history_years=20, staff=gov["staff"])
    results = build_results_history(data, decisions=False)
    movement = movement_data.build_movement()
    movement["mornings"] = mornings_data.build_mornings()
    # A live database has planner statistics (autovacuum); a bulk-loaded one not yet.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    counts = {
        **gov["counts"],
        **data["counts"],
        **movement["counts"],
        **movement["mornings"]["counts"],
    }
    return {"gov": gov, "data": data, "results": results, "movement": movement, "counts": counts}


def count_queries(found: list, cookies: dict, built: dict) -> dict[str, tuple[int, int]]:
    """Queries and HTML bytes of each page, in-process against the same database."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    clients = {"anonymous": Client()}
    for who, user in (("staff", built["gov"]["staff"]), ("voter", built["gov"]["voter"]),
                      ("editor", built["data"]["editor"])):  # fmt: skip
        clients[who] = Client()
        clients[who].force_login(user)
    figures = {}
    for label, path, who in found:
        clients[who].get(path, secure=True)  # warm: caches filled as in the timed runs
        with CaptureQueriesContext(connection) as queries:
            response = clients[who].get(path, secure=True)
        if response.status_code != 200:
            raise SystemExit(f"{path} as {who} answered {response.status_code}")
        figures[label] = (len(queries), len(response.content))
    return figures


# --- HTTP ---------------------------------------------------------------------------------


def start_gunicorn(workers: int, log_path: Path) -> subprocess.Popen:
    log_file = log_path.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "avk.wsgi", "--bind", f"127.0.0.1:{PORT}",
         "--workers", str(workers), "--access-logfile", str(log_path.with_suffix(".access"))],
        cwd=run.ROOT, env={**os.environ, "DATABASE_URL": DATABASE_URL},
        stdout=log_file, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped: see {log_path}")
        try:
            if get("/healthz/", "")[0] == 200:
                return process
        except OSError:
            pass
        time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn did not answer /healthz/ within 60 s")


def get(path: str, cookie: str) -> tuple[int, int, int, float]:
    """One request on a fresh connection (sync workers close it after each response), as a
    browser behind the TLS proxy sends it: (status, wire bytes, HTML bytes, milliseconds)."""
    headers = {
        "Host": "127.0.0.1",
        "X-Forwarded-Proto": "https",
        "Accept": "text/html",
        "Accept-Encoding": "gzip",
    }
    if cookie:
        headers["Cookie"] = cookie
    start = time.perf_counter()
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    elapsed = (time.perf_counter() - start) * 1000
    html = body
    if response.getheader("Content-Encoding") == "gzip":
        html = zlib.decompress(body, 16 + zlib.MAX_WBITS)
    return response.status, len(body), len(html), elapsed


def measure(found: list, cookies: dict, rounds: int, clients: int) -> dict[str, list[float]]:
    """Each client requests every page `rounds` times, round-robin, starting at its own page,
    so the pages and /healthz/ share the same moments of load."""
    times = {label: [] for label, _path, _who in found}
    lock = threading.Lock()
    failures = []

    def client(offset: int) -> None:
        order = found[offset:] + found[:offset]
        for _ in range(rounds):
            for label, path, who in order:
                status, _wire, _html, elapsed = get(path, cookies[who])
                with lock:
                    if status != 200:
                        failures.append(f"{path} as {who}: {status}")
                    times[label].append(elapsed)

    threads = [
        threading.Thread(target=client, args=(n * len(found) // clients,)) for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise SystemExit("pages failed: " + "; ".join(failures[:5]))
    return times


def sizes(found: list, cookies: dict) -> dict[str, tuple[int, int]]:
    result = {}
    for label, path, who in found:
        _status, wire, html, _elapsed = get(path, cookies[who])
        result[label] = (wire, html)
    return result


# --- report -------------------------------------------------------------------------------


def rows(found, one, four, queries, sizes_) -> list[dict]:
    base_one = run.percentile(one[found[0][0]], 95)
    result = []
    for label, path, who in found:
        row = {
            "label": label,
            "path": path,
            "who": who,
            "p50_1": run.percentile(one[label], 50),
            "p95_1": run.percentile(one[label], 95),
            "p50_4": run.percentile(four[label], 50),
            "p95_4": run.percentile(four[label], 95),
            "queries": queries[label][0],
            "html": sizes_[label][1],
            "wire": sizes_[label][0],
        }
        row["ratio"] = row["p95_1"] / base_one
        row["pass"] = row["p95_4"] < P95_CONCURRENT_MS and row["ratio"] <= RATIO
        result.append(row)
    return result


def section(table: list[dict], facts: dict, context: dict) -> str:
    failing = [r["label"] for r in table[1:] if not r["pass"]]
    lines = [
        HEADING,
        "",
        f"Measured {context['started']:%Y-%m-%d %H:%M} (local time) in {context['duration']:.0f} s "
        f"by `{COMMAND}` (`make bench` runs it last). Every figure below comes from that one run.",
        "",
        f"Machine: nproc {facts['nproc']}, Python {facts['Python']}, Django {facts['Django']}, "
        f"PostgreSQL {facts['PostgreSQL']}, OS {facts['OS']}. Load average (1 / 5 / 15 min) at "
        f"the start: {context['load_start']}; at the end: {context['load_end']}.",
        "",
        f"Server: `gunicorn avk.wsgi --workers {context['workers']}` (sync workers, as "
        "docker-compose.yml starts it, access log on) with `DJANGO_ENV=production` on "
        f"127.0.0.1:{PORT}, PostgreSQL database `{DB_NAME}` made afresh, the database cache. "
        "The client runs on the same two cores: a fresh connection per request (sync workers "
        "close it), `Accept-Encoding: gzip` and `X-Forwarded-Proto: https` as from the TLS "
        "proxy, and the session cookie of the person named in the table.",
        "",
        f"Dataset: {context['counts']}.",
        "",
        f"Method: {WARMUP_ROUNDS} warm-up rounds over all pages; then one client requests every "
        f"page {ROUNDS_ONE} times, round-robin with `/healthz/`; then {CLIENTS} clients at once, "
        f"each every page {ROUNDS_EACH} times, each starting at another page. Queries: the SQL "
        "statements of one request (session and user included), counted in-process on the same "
        "database. HTML: the page's bytes, and what travels (gzipped). Bars: p95 < "
        f"{P95_CONCURRENT_MS:.0f} ms with {CLIENTS} clients, and p95 within {RATIO:.0f}x the "
        "p95 of `/healthz/` with one client.",
        "",
        "| page | as | 1 client p50 / p95 ms | p95 / healthz p95 | 4 clients p50 / p95 ms "
        "| queries | HTML bytes | gzipped | verdict |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in table:
        verdict = "baseline" if r is table[0] else run.verdict(r["pass"])
        lines.append(
            f"| {r['label']} `{r['path']}` | {r['who']} | {r['p50_1']:.1f} / {r['p95_1']:.1f} | "
            f"{r['ratio']:.2f}x | {r['p50_4']:.1f} / {r['p95_4']:.1f} | {r['queries']} | "
            f"{r['html']:,} | {r['wire']:,} | {verdict} |"
        )
    lines += [
        "",
        "Every main page passes both bars." if not failing else f"Failing: {', '.join(failing)}.",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    import datetime

    started = datetime.datetime.now()
    load_start = load()
    t0 = time.perf_counter()
    run.log(f"Load at the start: {load_start}. Creating database {DB_NAME} and migrating ...")
    run.create_database(DB_NAME)
    import django

    django.setup()
    run.migrate()
    run.log("Building 20 years of governance, partners, reflection and indicators ...")
    t = time.perf_counter()
    built = build()
    run.log(f"  {built['counts']} in {time.perf_counter() - t:.1f} s")
    found = pages(built)
    cookies = sessions(built)
    queries = count_queries(found, cookies, built)
    from django.db import connections

    connections.close_all()

    workers = compose_workers()
    log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"avk-bench-gunicorn-{PORT}.log"
    server = start_gunicorn(workers, log_path)
    try:
        run.log(f"gunicorn with {workers} workers; warming up ...")
        measure(found, cookies, WARMUP_ROUNDS, 1)
        sizes_ = sizes(found, cookies)
        run.log(f"One client, {ROUNDS_ONE} rounds over {len(found)} pages ...")
        one = measure(found, cookies, ROUNDS_ONE, 1)
        run.log(f"{CLIENTS} clients, {ROUNDS_EACH} rounds each ...")
        four = measure(found, cookies, ROUNDS_EACH, CLIENTS)
    finally:
        server.terminate()
        server.wait(timeout=30)
    load_end = load()
    table = rows(found, one, four, queries, sizes_)
    for r in table:
        run.log(
            f"  {r['label'][:44]:44} 1: {r['p95_1']:6.1f} ms {r['ratio']:4.1f}x  "
            f"4: {r['p95_4']:6.1f} ms  {r['queries']:3d} q  {r['html']:>8,} B  "
            f"{'baseline' if r is table[0] else run.verdict(r['pass'])}"
        )
    context = {
        "started": started,
        "duration": time.perf_counter() - t0,
        "load_start": load_start,
        "load_end": load_end,
        "workers": workers,
        "counts": ", ".join(f"{k} {v}" for k, v in built["counts"].items()),
    }
    results_file.replace_section(section(table, run.machine_facts(), context), HEADING)
    run.log(f"Load at the end: {load_end}. Wrote the section to bench/RESULTS.md.")


if __name__ == "__main__":
    main()
