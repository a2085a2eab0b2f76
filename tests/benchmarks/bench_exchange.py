"""Benchmark: one token exchange through ``request_token`` vs a raw ``httpx.post`` of the same request.

Both sides hit the same practice org over HTTPS (and plain HTTP), alternating call by call.
Fairness: NO connection reuse on either side (``request_token`` opens a client per exchange, as ``httpx.post`` does),
and both get the same pre-built ``ssl.SSLContext`` trusting the practice CA (our client caches its context; giving
the raw side a fresh context per call would flatter us). Neither side signs: the same assertion is reused, and each
side form-encodes the same two fields itself (``request_token`` with urlencode, ``httpx.post`` via ``data=``), so the
bytes on the wire are identical apart from the User-Agent header.

Run: /work/venv/bin/python tests/benchmarks/bench_exchange.py [ROUNDS]
"""

from __future__ import annotations

import statistics
import time

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core.exchange import GRANT_TYPE, ExchangeOptions, request_token
from sfjwt_gui.core.keys import Subject, self_signed_certificate
from sfjwt_gui.core.trust import Trust, ssl_context
from sfjwt_gui.practice.server import PracticeServer


def main(rounds: int = 300) -> int:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = self_signed_certificate(key, Subject(cn="bench"))
    rows = []
    for tls in (True, False):
        with PracticeServer(certificate=cert, tls=tls) as server:
            assertion = jwt.encode(
                {
                    "iss": server.consumer_key,
                    "sub": server.username,
                    "aud": "https://login.salesforce.com",
                    "exp": int(time.time()) + 3600,
                },
                key,
                algorithm="RS256",
            )
            if tls:
                options = ExchangeOptions(trust=Trust.BUNDLE, ca_bundle=server.ca_file, max_retries=0)
                verify: object = ssl_context(Trust.BUNDLE, server.ca_file)  # the very context our client uses
            else:
                options = ExchangeOptions(max_retries=0)
                verify = ssl_context(Trust.CERTIFI)
            form = {"grant_type": GRANT_TYPE, "assertion": assertion}  # httpx form-encodes it, as any caller's would
            headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}

            def ours(
                server: PracticeServer = server, assertion: str = assertion, options: ExchangeOptions = options
            ) -> None:
                result = request_token(server.token_url, assertion, options)
                assert result.ok, result.outcome

            def raw(
                server: PracticeServer = server,
                form: dict[str, str] = form,
                headers: dict[str, str] = headers,
                verify: object = verify,
            ) -> None:
                response = httpx.post(
                    server.token_url,
                    data=form,
                    headers=headers,
                    verify=verify,  # type: ignore[arg-type]
                    timeout=httpx.Timeout(connect=10.0, read=30.0, write=30.0, pool=10.0),
                )
                assert response.status_code == 200
                assert "access_token" in response.json()

            for _ in range(20):  # warm up both paths (imports, caches, server threads)
                ours()
                raw()
            t_ours: list[float] = []
            t_raw: list[float] = []
            for n in range(rounds):  # alternate which side goes first, so drift hits both equally
                for fn, times in ((ours, t_ours), (raw, t_raw)) if n % 2 else ((raw, t_raw), (ours, t_ours)):
                    start = time.perf_counter()
                    fn()
                    times.append(time.perf_counter() - start)
            rows.append(("HTTPS" if tls else "HTTP", t_ours, t_raw))

    print(f"token exchange against the practice org, {rounds} rounds each, alternating, no connection reuse")
    print(f"{'transport':<10}{'raw httpx.post':>18}{'request_token':>18}{'ratio (median)':>17}{'ratio (mean)':>15}")
    worst = 0.0
    for name, t_ours, t_raw in rows:
        med_o, med_r = statistics.median(t_ours), statistics.median(t_raw)
        mean_o, mean_r = statistics.fmean(t_ours), statistics.fmean(t_raw)
        worst = max(worst, med_o / med_r)
        print(
            f"{name:<10}{med_r * 1000:>15.2f} ms{med_o * 1000:>15.2f} ms"
            f"{med_o / med_r:>16.2f}x{mean_o / mean_r:>14.2f}x"
        )
    print(f"target <= 1.20x: {'met' if worst <= 1.2 else 'NOT met'} (worst median ratio {worst:.2f}x)")
    return 0 if worst <= 1.2 else 1


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=300, help="alternating rounds per transport (default 300)")
    raise SystemExit(main(parser.parse_args().rounds))
