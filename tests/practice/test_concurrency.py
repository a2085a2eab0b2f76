"""200 concurrent exchanges from several client threads: no error, and every answer belongs to its request."""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx

from sfjwt_gui.practice import PracticeServer

GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
THREADS = 8
EXCHANGES = 200


def test_200_concurrent_exchanges(server: PracticeServer, assertion: Callable[..., str]) -> None:
    # two requests in five are wrong on purpose (another audience, an expired exp), so a mixed-up answer shows
    kinds = ["ok", "ok", "aud", "ok", "exp"]
    work = []
    for i in range(EXCHANGES):
        kind = kinds[i % len(kinds)]
        if kind == "aud":
            work.append((kind, assertion(aud="https://test.salesforce.com", jti=str(i))))
        elif kind == "exp":
            work.append((kind, assertion(exp=int(time.time()) - 10, jti=str(i))))
        else:
            work.append((kind, assertion(jti=str(i))))
    results: list[tuple[str, int, dict[str, Any]]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()
    start = threading.Barrier(THREADS)
    verify: ssl.SSLContext | bool = server.client_ssl_context() or False

    def client_thread(chunk: list[tuple[str, str]]) -> None:
        try:
            with httpx.Client(verify=verify, timeout=30) as client:
                start.wait()
                for kind, text in chunk:
                    response = client.post(server.token_url, data={"grant_type": GRANT, "assertion": text})
                    with lock:
                        results.append((kind, response.status_code, response.json()))
        except BaseException as exc:  # collected and asserted below
            with lock:
                errors.append(exc)

    threads = [threading.Thread(target=client_thread, args=(work[i::THREADS],)) for i in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(results) == EXCHANGES
    tokens = set()
    for kind, status, body in results:
        if kind == "ok":
            assert status == 200
            assert body["id"].endswith(server.org.users[0].id)
            tokens.add(body["access_token"])
        elif kind == "aud":
            assert (status, body) == (400, {"error": "invalid_grant", "error_description": "audience is invalid"})
        else:
            assert (status, body) == (
                400,
                {"error": "invalid_grant", "error_description": "expired authorization code"},
            )
    assert len(tokens) == sum(1 for kind, _, _ in results if kind == "ok")  # all distinct
    assert server.logins == len(tokens)


def test_concurrent_fresh_connections(server: PracticeServer, assertion: Callable[..., str]) -> None:
    """New TCP (and TLS) connection per request, 8 at a time: the accept loop never stalls."""
    text = assertion()
    statuses: list[int] = []
    lock = threading.Lock()
    verify: ssl.SSLContext | bool = server.client_ssl_context() or False

    def one() -> None:
        for _ in range(5):
            with httpx.Client(verify=verify, timeout=30) as client:
                code = client.post(server.token_url, data={"grant_type": GRANT, "assertion": text}).status_code
            with lock:
                statuses.append(code)

    threads = [threading.Thread(target=one) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [200] * (THREADS * 5)


def test_a_silent_client_does_not_block_others(server: PracticeServer, client: httpx.Client) -> None:
    """A connection that never sends a byte (nor a TLS hello) holds one thread, not the server."""
    import socket

    with socket.create_connection(("127.0.0.1", server.port)) as _silent:
        started = time.perf_counter()
        assert client.get(server.token_url).status_code == 400
        assert time.perf_counter() - started < 2
