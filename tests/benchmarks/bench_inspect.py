"""Org inspection budget: a full ``inspect_org`` against the HTTPS practice org vs the same requests sent raw.

Side by side in one run: the inspector (read-only client, refusal handling, checks and practices) and a plain
``httpx.Client`` replaying exactly the requests the inspector sent (recorded through the client's transport seam),
both over one kept-alive HTTPS connection. Budget: ≤ 10 requests and ≤ 1.5× the raw time (median of interleaved
runs). Every inspection is checked (the scenario's broken setting must come out as a problem).

    .venv/bin/python tests/benchmarks/bench_inspect.py [--runs 30] [--scenario not-admin-approved]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sfjwt_gui.core.org.checks import CheckStatus
from sfjwt_gui.core.org.client import OrgConnection
from sfjwt_gui.core.org.inspect import inspect_org
from sfjwt_gui.practice import PracticeServer

REQUESTS_BUDGET = 10
TIME_BUDGET = 1.5


class Recording(httpx.BaseTransport):
    """Passes requests through and keeps (method, url, headers, body) for the raw replay."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append((request.method, str(request.url), dict(request.headers), request.read()))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--scenario", default="not-admin-approved")
    args = parser.parse_args()
    with PracticeServer(tls=True, scenario=args.scenario) as server:
        verify = server.client_ssl_context()
        assert verify is not None
        conn = OrgConnection(server.url, server.admin_access_token)
        kwargs = {
            "iss": server.consumer_key,
            "sub": server.username,
            "aud": server.audience,
            "certificate": server.demo_certificate,
        }
        recorder = Recording(httpx.HTTPTransport(verify=verify))
        first = inspect_org(conn, verify=verify, transport=recorder, **kwargs)
        problems = [c.id for c in first.checks if c.status is CheckStatus.PROBLEM]
        assert problems, "the scenario's broken setting must show"
        recorded = list(recorder.requests)
        ours, raw = [], []
        for _ in range(args.runs):
            transport = httpx.HTTPTransport(verify=verify)
            started = time.perf_counter()
            inspection = inspect_org(conn, verify=verify, transport=transport, **kwargs)
            ours.append(time.perf_counter() - started)
            assert [c.id for c in inspection.checks if c.status is CheckStatus.PROBLEM] == problems
            started = time.perf_counter()
            with httpx.Client(verify=verify, timeout=30) as client:
                for method, url, headers, body in recorded:
                    response = client.request(method, url, headers=headers, content=body or None)
                    response.read()
                    assert response.status_code == 200, (url, response.status_code)
            raw.append(time.perf_counter() - started)
        ratios = sorted(o / r for o, r in zip(ours, raw, strict=True))
        ours_ms, raw_ms = statistics.median(ours) * 1000, statistics.median(raw) * 1000
        ratio = ours_ms / raw_ms
        print(f"scenario {args.scenario}: {len(recorded)} requests (budget ≤ {REQUESTS_BUDGET}); problems {problems}")
        print(
            f"inspect_org {ours_ms:.2f} ms vs raw httpx {raw_ms:.2f} ms: {ratio:.2f}× "
            f"(quartiles {ratios[len(ratios) // 4]:.2f}×–{ratios[3 * len(ratios) // 4]:.2f}×; budget ≤ {TIME_BUDGET}×)"
        )
        ok = len(recorded) <= REQUESTS_BUDGET and ratio <= TIME_BUDGET
        print("within budget" if ok else "OVER BUDGET")
        return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
