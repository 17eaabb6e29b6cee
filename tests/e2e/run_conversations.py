"""Run the held-out conversation suite against the running assistant.

Each conversation in ``tests/conversations/*.yml`` is sent turn by turn to the REST
channel with its own sender id; every turn checks the parsed intent (``/model/parse``),
the expected entity values and, where given, words the reply must contain. A
conversation passes when all its turns pass. Writes ``results/conversations.json``
and prints the pass rate; exits 1 when it is below ``--min-pass-rate``.

Usage: python tests/e2e/run_conversations.py [--url http://localhost:5005] [--min-pass-rate 0.9]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import urllib.request
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from planbot.privacy import prepare_user_text

ROOT = Path(__file__).resolve().parents[2]


def post(url: str, payload: dict[str, Any], timeout: float = 30) -> Any:
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode())


def _norm(value: Any) -> str:
    return str(value).strip().lower()


def check_turn(base: str, sender: str, turn: dict[str, Any]) -> dict[str, Any]:
    text = turn["user"]
    parsed = post(f"{base}/model/parse", {"text": prepare_user_text(text)})
    replies = post(f"{base}/webhooks/rest/webhook", {"sender": sender, "message": text})
    reply = "\n".join(r.get("text", "") for r in replies if r.get("text"))
    problems: list[str] = []
    intent = (parsed.get("intent") or {}).get("name")
    if turn.get("intent") and intent != turn["intent"]:
        problems.append(f"intent {intent} (forventet {turn['intent']})")
    found: dict[str, set[str]] = {}
    for entity in parsed.get("entities") or []:
        found.setdefault(entity["entity"], set()).add(_norm(entity.get("value")))
    for name, value in (turn.get("entities") or {}).items():
        wanted = value if isinstance(value, list) else [value]
        for item in wanted:
            if _norm(item) not in found.get(name, set()):
                problems.append(f"entity {name}={item!r} mangler (fik {sorted(found.get(name, set()))})")
    words = turn.get("reply_contains_any") or []
    if words and not any(_norm(w) in reply.lower() for w in words):
        problems.append(f"svaret indeholder ingen af {words}")
    if not reply.strip():
        problems.append("intet svar")
    return {"user": text, "intent": intent, "reply": reply, "problems": problems}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://localhost:5005")
    parser.add_argument("--suite", default=str(ROOT / "tests" / "conversations"))
    parser.add_argument("--min-pass-rate", type=float, default=0.9)
    parser.add_argument("--out", default=str(ROOT / "results" / "conversations.json"))
    args = parser.parse_args()

    conversations: list[dict[str, Any]] = []
    for path in sorted(Path(args.suite).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for conv in data.get("conversations") or []:
            conv["file"] = path.name
            conversations.append(conv)
    if not conversations:
        print("Ingen samtaler fundet", file=sys.stderr)
        return 1
    started = time.perf_counter()
    results = []
    turn_total = turn_ok = 0
    intent_misses: Counter[str] = Counter()
    for conv in conversations:
        sender = f"e2e-{conv['id']}-{uuid.uuid4().hex[:8]}"
        turns = [check_turn(args.url, sender, turn) for turn in conv["turns"]]
        for expected, turn in zip(conv["turns"], turns, strict=True):
            turn_total += 1
            turn_ok += not turn["problems"]
            if any(p.startswith("intent") for p in turn["problems"]):
                intent_misses[expected.get("intent", "?")] += 1
        passed = all(not t["problems"] for t in turns)
        results.append(
            {
                "id": conv["id"],
                "file": conv["file"],
                "persona": conv.get("persona"),
                "passed": passed,
                "turns": turns,
            }
        )
    seconds = time.perf_counter() - started
    passed = sum(r["passed"] for r in results)
    rate = passed / len(results)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    summary = {
        "conversations": len(results),
        "passed": passed,
        "pass_rate": round(rate, 4),
        "turns": turn_total,
        "turns_passed": turn_ok,
        "seconds": round(seconds, 1),
        "intent_misses": dict(intent_misses),
    }
    Path(args.out).write_text(
        json.dumps({"summary": summary, "results": results}, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    for r in results:
        if not r["passed"]:
            bad = next(t for t in r["turns"] if t["problems"])
            print(f"FEJL {r['id']}: »{bad['user']}« – {'; '.join(bad['problems'])}")
    print(
        f"Samtaletest: {passed}/{len(results)} samtaler bestået ({rate:.1%}), {turn_ok}/{turn_total} ture, {seconds:.0f} s"
    )
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if rate >= args.min_pass_rate else 1


if __name__ == "__main__":
    raise SystemExit(main())
