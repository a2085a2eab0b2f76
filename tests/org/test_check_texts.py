"""``sfjwt check`` steps carry the id of their text and its values: the detail is written in the language asked for,
an error among the values too (a keyring that fails is said in Japanese with ``--lang ja``), and ``--json`` gives
the text's id and values next to the sentence. Real vault and key; the keyring is one that refuses everything."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from keyring.backends import fail
from memory_backend import MemoryKeyring

from sfjwt_gui.core.nightly import check_profile
from sfjwt_gui.core.profiles import Profile
from sfjwt_gui.core.vault import Vault

JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_a_keyring_failure_is_written_in_the_language_asked_for(tmp_path: Path, rsa_key: Any) -> None:
    Vault(backend=MemoryKeyring(), index_dir=tmp_path).save("nightly-key", rsa_key)  # in the index, then no keyring
    profile = Profile(
        "nightly",
        endpoint="https://login.salesforce.com",
        consumer_key="3MVG9" + "A" * 80,
        username="u@acme.com",
        key_name="nightly-key",
    )
    (step,) = check_profile(profile, send=False, vault=Vault(backend=fail.Keyring(), index_dir=tmp_path))
    assert (step.name, step.status, step.code) == ("key", "problem", 3)
    english, japanese = step.to_json("en"), step.to_json("ja")
    assert english["template"] == japanese["template"] == "keyring"
    error = english["params"]["error"]
    assert error["code"]
    assert error["message"] in english["detail"]
    assert JAPANESE.search(japanese["detail"])
    assert error["message"] not in japanese["detail"]  # the keyring's error too is in Japanese
    assert json.loads(json.dumps(japanese)) == japanese  # plain JSON
