"""Faults on purpose: latency, maintenance page, 500, dropped connection, malformed JSON, rate limit, clock."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable

import httpx
import pytest

from sfjwt_gui.practice import Faults, PracticeServer

Post = Callable[[str], httpx.Response]


def test_latency(server: PracticeServer, post_token: Post, assertion: Callable[..., str]) -> None:
    server.faults.latency = 0.3
    started = time.perf_counter()
    assert post_token(assertion()).status_code == 200
    assert time.perf_counter() - started >= 0.3


def test_maintenance_page_on_every_endpoint(server: PracticeServer, client: httpx.Client) -> None:
    server.faults.maintenance = True
    for url in (server.token_url, server.url + "/services/data/"):
        response = client.post(url, data={"grant_type": "x"})
        assert response.status_code == 503
        assert response.headers["content-type"] == "text/html;charset=UTF-8"
        assert response.headers["retry-after"] == "600"
        assert "<title>Salesforce - Down for Maintenance</title>" in response.text


def test_server_error(server: PracticeServer, post_token: Post, assertion: Callable[..., str]) -> None:
    server.faults.server_error = True
    response = post_token(assertion())
    assert response.status_code == 500
    assert response.headers["content-type"].startswith("text/html")
    assert "An internal server error has occurred" in response.text


def test_dropped_connection(server: PracticeServer, post_token: Post, assertion: Callable[..., str]) -> None:
    server.faults.drop_connection = True
    with pytest.raises(httpx.RemoteProtocolError):
        post_token(assertion())
    server.faults.drop_connection = False
    assert post_token(assertion()).status_code == 200  # the client reconnects; the server is fine


def test_malformed_json(server: PracticeServer, post_token: Post, assertion: Callable[..., str]) -> None:
    server.faults.malformed_json = True
    response = post_token(assertion())
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json;charset=UTF-8"
    assert response.text.startswith('{"access_token":"00D')
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.text)


def test_faults_given_at_start_survive_scenario_switches(rsa_cert: object) -> None:
    with PracticeServer(certificate=rsa_cert, faults=Faults(latency=0.01)) as server:  # type: ignore[arg-type]
        server.set_scenario("maintenance")
        assert server.faults.latency == 0.01
        assert server.faults.maintenance
        server.set_scenario("healthy")
        assert server.faults.latency == 0.01
        assert not server.faults.maintenance


def test_faults_update_is_atomic_and_checked() -> None:
    faults = Faults()
    with pytest.raises(TypeError, match="nonsense"):
        faults.update(nonsense=1)
    seen: list[tuple[bool, bool]] = []

    def flip() -> None:
        for i in range(2000):
            faults.update(maintenance=bool(i % 2), server_error=bool(i % 2))

    def read() -> None:
        for _ in range(2000):
            snap = faults.snapshot()
            seen.append((snap.maintenance, snap.server_error))

    threads = [threading.Thread(target=flip), threading.Thread(target=read)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(a == b for a, b in seen)  # never half-updated


def test_changing_faults_while_serving(server: PracticeServer, client: httpx.Client) -> None:
    stop = threading.Event()

    def toggle() -> None:
        while not stop.is_set():
            server.faults.maintenance = not server.faults.maintenance

    toggler = threading.Thread(target=toggle)
    toggler.start()
    try:
        statuses = {client.get(server.url + "/services/data/").status_code for _ in range(50)}
    finally:
        stop.set()
        toggler.join()
    assert statuses <= {401, 503}
