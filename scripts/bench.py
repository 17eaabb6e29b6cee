"""Benchmarks (not tests): build and import time, status query latency, REST latency and
throughput, server start time, memory and (optionally) training time.

Usage (make bench runs it): python scripts/bench.py [--rest] [--train] [--messages 200]
Writes results/bench.json and prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planbot.build import build_database  # noqa: E402
from planbot.curated import KNOWLEDGE_DIR  # noqa: E402
from planbot.imports import import_jobindsats_file  # noqa: E402
from planbot.jobindsats import BUNDLED_CSV  # noqa: E402
from planbot.schema import Goal  # noqa: E402
from planbot.status import goal_status  # noqa: E402

QUESTIONS = [
    "Hvilke mål har Norddjurs?",
    "Hvad handler 6.3 om?",
    "Hvordan går det med målet om samtaler i Norddjurs?",
    "Hvad er ledigheden i Morsø lige nu?",
    "Hvad gør Mariagerfjord for de unge?",
    "Hvor mange praktikpladser skal praktikbanken finde?",
    "Hvor tit følges der op på de vandrende sager?",
    "Hvilken periode dækker Mariagerfjords plan?",
    "hej",
    "Hvad er FGU?",
]


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


def bench_database(results: dict) -> None:
    tmp = Path(tempfile.mkdtemp(prefix="planbot-bench-"))
    try:
        engine = create_engine(f"sqlite:///{tmp / 'bench.db'}")
        started = time.perf_counter()
        build_database(engine, KNOWLEDGE_DIR, BUNDLED_CSV)
        results["build_fresh_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        build_database(engine, KNOWLEDGE_DIR, BUNDLED_CSV)
        results["rebuild_s"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        with Session(engine) as session, session.begin():
            result = import_jobindsats_file(session, BUNDLED_CSV)
        results["import_jobindsats_s"] = round(time.perf_counter() - started, 2)
        results["import_jobindsats_rows"] = result.rows_total
        with Session(engine) as session:
            goals = list(session.scalars(select(Goal).where(Goal.target.has())))
            timings = []
            for i in range(300):
                goal = goals[i % len(goals)]
                started = time.perf_counter()
                goal_status(session, goal)
                timings.append((time.perf_counter() - started) * 1000)
        results["status_query_ms_p50"] = round(statistics.median(timings), 2)
        results["status_query_ms_p95"] = round(percentile(timings, 95), 2)
        engine.dispose()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def send(url: str, sender: str, text: str) -> float:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
    return (time.perf_counter() - started) * 1000


def rss_mb(pidfile: Path) -> float | None:
    try:
        pid = pidfile.read_text().strip()
        children = subprocess.run(["pgrep", "-g", pid], capture_output=True, text=True).stdout.split()
        total = 0
        for child in children or [pid]:
            for line in Path(f"/proc/{child}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        return round(total / 1024, 1)
    except (OSError, ValueError):
        return None


def bench_rest(results: dict, messages: int, base: str) -> None:
    url = f"{base}/webhooks/rest/webhook"
    for text in QUESTIONS:  # warm-up
        send(url, "warmup", text)
    sequential = [send(url, f"seq-{i // 5}", QUESTIONS[i % len(QUESTIONS)]) for i in range(messages)]
    results["rest_sequential_ms_p50"] = round(statistics.median(sequential), 1)
    results["rest_sequential_ms_p95"] = round(percentile(sequential, 95), 1)

    def user(n: int) -> list[float]:
        sender = f"conc-{n}-{uuid.uuid4().hex[:6]}"
        return [send(url, sender, QUESTIONS[(n + i) % len(QUESTIONS)]) for i in range(messages // 10)]

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=10) as pool:
        concurrent_times = [t for chunk in pool.map(user, range(10)) for t in chunk]
    elapsed = time.perf_counter() - started
    results["rest_concurrent10_ms_p50"] = round(statistics.median(concurrent_times), 1)
    results["rest_concurrent10_ms_p95"] = round(percentile(concurrent_times, 95), 1)
    results["rest_concurrent10_msg_per_s"] = round(len(concurrent_times) / elapsed, 1)
    results["rss_rasa_mb"] = rss_mb(ROOT / "var/run/rasa.pid")
    results["rss_actions_mb"] = rss_mb(ROOT / "var/run/actions.pid")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rest", action="store_true", help="measure the running assistant too")
    parser.add_argument("--train", action="store_true", help="time a forced training run")
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--url", default="http://localhost:5005")
    parser.add_argument("--start-seconds", type=float, help="server start time measured by the caller")
    args = parser.parse_args()
    results: dict = {"machine": f"{os.cpu_count()} cores"}
    bench_database(results)
    if args.start_seconds:
        results["server_start_s"] = args.start_seconds
    if args.rest:
        bench_rest(results, args.messages, args.url)
    if args.train:
        started = time.perf_counter()
        subprocess.run([str(ROOT / ".venv-rasa/bin/rasa"), "train", "--force", "--fixed-model-name", "bench", "--out", tempfile.mkdtemp(), "--quiet"],
                       cwd=ROOT, check=True, capture_output=True)  # fmt: skip
        results["training_s"] = round(time.perf_counter() - started, 1)
    out = ROOT / "results" / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print("| måling | værdi |\n|---|---|")
    for key, value in results.items():
        print(f"| {key} | {value} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
