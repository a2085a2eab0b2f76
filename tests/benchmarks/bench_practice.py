"""Practice-org throughput: token exchanges per second, several client threads, bounded count.

Side by side in one run: HTTP vs HTTPS, kept-alive connections vs a new connection per exchange, and a refusal
(wrong aud: no signature check) vs a full success. Every answer is checked; a wrong one aborts the run.

    /work/venv/bin/python tests/benchmarks/bench_practice.py [--exchanges 400] [--threads 8]
"""

from __future__ import annotations

import argparse
import ssl
import sys
import threading
import time
from pathlib import Path

import httpx
import jwt

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sfjwt_gui.practice import PracticeServer

GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"


def run(server: PracticeServer, *, exchanges: int, threads: int, keep_alive: bool, aud: str, expect: int) -> float:
    """Exchanges per second for one configuration."""
    assert server.demo_private_key is not None
    claims = {"iss": server.consumer_key, "sub": server.username, "aud": aud, "exp": int(time.time()) + 600}
    assertion = jwt.encode(claims, server.demo_private_key, algorithm="RS256")
    verify: ssl.SSLContext | bool = server.client_ssl_context() or False
    form = {"grant_type": GRANT, "assertion": assertion}
    per_thread = exchanges // threads
    barrier = threading.Barrier(threads + 1)
    failures: list[str] = []

    def worker() -> None:
        client = httpx.Client(verify=verify, timeout=30) if keep_alive else None
        barrier.wait()
        try:
            for _ in range(per_thread):
                if client is not None:
                    response = client.post(server.token_url, data=form)
                else:
                    with httpx.Client(verify=verify, timeout=30) as once:
                        response = once.post(server.token_url, data=form)
                if response.status_code != expect:
                    failures.append(f"{response.status_code} {response.text[:100]}")
        finally:
            if client is not None:
                client.close()

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    barrier.wait()
    started = time.perf_counter()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    if failures:
        raise SystemExit(f"wrong answers: {failures[:3]}")
    return per_thread * threads / elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exchanges", type=int, default=400, help="exchanges per row (default 400)")
    parser.add_argument("--threads", type=int, default=8, help="client threads (default 8)")
    args = parser.parse_args()
    rows = []
    for tls in (False, True):
        with PracticeServer(tls=tls) as server:
            run(
                server,
                exchanges=args.threads * 4,
                threads=args.threads,
                keep_alive=True,
                aud="https://login.salesforce.com",
                expect=200,
            )
            for keep_alive in (True, False):
                for label, aud, expect in (
                    ("token (200)", "https://login.salesforce.com", 200),
                    ("refusal (400)", "https://test.salesforce.com", 400),
                ):
                    server.reset_logins()
                    rate = run(
                        server,
                        exchanges=args.exchanges,
                        threads=args.threads,
                        keep_alive=keep_alive,
                        aud=aud,
                        expect=expect,
                    )
                    rows.append(("HTTPS" if tls else "HTTP", "keep-alive" if keep_alive else "new conn.", label, rate))
    print(f"practice org: {args.exchanges} exchanges per row, {args.threads} client threads (clients share the CPU)")
    print(f"{'transport':<10} {'connection':<11} {'answer':<14} {'exchanges/s':>12}")
    for transport, connection, label, rate in rows:
        print(f"{transport:<10} {connection:<11} {label:<14} {rate:>12.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
