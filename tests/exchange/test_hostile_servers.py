"""``sfjwt token`` in a real process against real hostile token endpoints on loopback: a gzip bomb, a server that
trickles one byte a second, a megabyte of error_description, an answer nested 10,000 levels deep. Each ends in
bounded time and memory with a diagnosis and exit 3 (or 2 for a real refusal), never a traceback. And the CLI's
numeric ranges and --json usage errors.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from hostile import answer, gzip_bomb, hostile_server, run_sfjwt, trickle

from sfjwt_gui.cli import main
from sfjwt_gui.core.diagnosis import explain_text


@pytest.fixture
def key_file(tmp_path: Path, rsa_key: Any) -> str:
    path = tmp_path / "key.pem"
    path.write_bytes(
        rsa_key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return str(path)


def _token(url: str, key_file: str, *extra: str, timeout: float = 60) -> tuple[Any, dict[str, Any]]:
    run = run_sfjwt(
        "token", "--iss", "consumer", "--sub", "u@example.com", "--aud", "https://login.salesforce.com",
        "--endpoint", url, "--key-file", key_file, "--retries", "0", "--json", *extra, timeout=timeout,
    )  # fmt: skip
    assert not run.timed_out
    assert "Traceback" not in run.err, run.err
    return run, json.loads(run.out.decode("utf-8"))


@pytest.mark.slow
def test_gzip_bomb_is_cut_at_the_answer_limit(key_file: str) -> None:
    bomb = gzip_bomb()  # 1 GiB of zeros in about 1 MB
    assert len(bomb) < 2_000_000
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    with hostile_server(answer("400 Bad Request", bomb, headers)) as url:
        run, data = _token(url, key_file)
    assert run.code == 3, run.err
    assert data["outcome"] == "not_json"
    assert run.max_rss_mb < 400, run.max_rss_mb  # was 2.1 GB and a traceback
    assert "answer cut at 2000000 bytes" in data["transcript"]["attempts"][0]["response_body"]


@pytest.mark.slow
def test_a_trickling_server_meets_the_attempt_deadline(key_file: str) -> None:
    with hostile_server(trickle(every=0.5)) as url:
        run, data = _token(url, key_file, "--connect-timeout", "1", "--timeout", "2")
    assert run.code == 3
    assert data["outcome"] == "network"
    assert data["diagnosis"]["id"] == "timeout"
    assert run.seconds < 2 + 1 + 6  # the deadline (connect + read timeout) plus start-up; was "still running"


def test_a_megabyte_of_error_description_is_explained_at_once(key_file: str) -> None:
    description = "invalid assertion " * 58_000  # about 1 MB
    body = json.dumps({"error": "invalid_grant", "error_description": description}).encode()
    with hostile_server(answer("400 Bad Request", body, {"Content-Type": "application/json"})) as url:
        run, data = _token(url, key_file)
    assert run.code == 2  # a refusal, explained
    assert data["outcome"] == "oauth_error"
    assert run.seconds < 5, run.seconds  # was 10 s on the closest-entry guess
    started = time.perf_counter()
    explain_text(json.dumps({"error": "x_unknown", "error_description": description})[:1_000_000])
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_json_nested_10000_deep(key_file: str, opening: str, capsys: pytest.CaptureFixture[str]) -> None:
    deep = (opening * 10_000).encode()
    with hostile_server(answer("400 Bad Request", deep, {"Content-Type": "application/json"})) as url:
        run, data = _token(url, key_file)
    assert run.code == 3  # a server's answer too deep is not JSON
    assert data["outcome"] == "not_json"
    explained = run_sfjwt("explain", "-", stdin=deep, timeout=30)
    assert explained.code in (0, 2)
    assert "Traceback" not in explained.err
    assert main(["sign", "--iss", "c", "--sub", "u", "--preset", "production", "--key-file", key_file,
                 "--claim", "x=" + "[" * 10_000 + "]" * 10_000]) == 1  # fmt: skip
    assert "nested deeper than 64 levels" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("flag", "value", "shown"),
    [
        ("--timeout", "nan", "from 0.1 to 600"),
        ("--timeout", "inf", "from 0.1 to 600"),
        ("--connect-timeout", "-1", "from 0.1 to 600"),
        ("--retries", "-1", "from 0 to 10"),
        ("--retries", "1000000", "from 0 to 10"),
        ("--retries", "1.5", "from 0 to 10"),
        ("--lifetime", "9" * 401, "from 1 to 86400"),
        ("--lifetime", "0", "from 1 to 86400"),
    ],
)
def test_numeric_flags_outside_their_range_exit_1_naming_it(
    key_file: str, flag: str, value: str, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["token", "--iss", "c", "--sub", "u", "--endpoint", "http://127.0.0.1:9", "--key-file", key_file,
                 flag, value, "--json"])  # fmt: skip
    assert code == 1
    out = json.loads(capsys.readouterr().out)
    assert flag in out["diagnosis"]["detail"]
    assert shown in out["diagnosis"]["detail"]
    assert out["transcript"]["attempts"] == []


@pytest.mark.parametrize(
    "argv",
    [
        ["token", "--lang", "fr", "--json"],
        ["keys", "export", "k", "--format", "zip", "--json"],
        ["token", "--ca-bundle", "x", "--trust", "os", "--json"],
        ["sign", "--bogus", "--json"],
    ],
)
def test_usage_errors_with_json_print_the_error_object(argv: list[str]) -> None:
    run = run_sfjwt(*argv, timeout=30)
    assert run.code == 1
    error = json.loads(run.out.decode("utf-8"))["error"]
    assert error["type"] == "UsageError"
    assert error["message"] in run.err
