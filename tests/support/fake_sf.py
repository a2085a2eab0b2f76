"""A fake ``sf`` executable for tests: answers ``sf … --json`` by its first words with recorded-shape JSON."""

from __future__ import annotations

import json
import stat
from pathlib import Path

ORG_LIST = {
    "status": 0,
    "result": {
        "other": [],
        "sandboxes": [],
        "nonScratchOrgs": [
            {
                "alias": "ci-jwt",
                "username": "integration@acme.com",
                "orgId": "00D5g00000SfJwTEAY",
                "instanceUrl": "https://acme.my.salesforce.com",
                "loginUrl": "https://login.salesforce.com",
                "clientId": "3MVG9AcmeConsumerKeyForTheIntegrationApp000000000000",
                "privateKey": "/home/ci/server.key",
                "connectedStatus": "Connected",
            },
            {
                "alias": "admin",
                "username": "admin@acme.com",
                "instanceUrl": "https://acme.my.salesforce.com",
                "clientId": "PlatformCLI",
                "connectedStatus": "Connected",
            },
        ],
        "devHubs": [],
        "scratchOrgs": [],
    },
    "warnings": [],
}


def fake_sf(folder: Path, answers: dict[str, object]) -> str:
    """Write an ``sf`` script answering by its first three arguments (recorded-shape JSON)."""
    script = folder / "sf"
    table = json.dumps({k: json.dumps(v) for k, v in answers.items()})
    script.write_text(
        "#!/usr/bin/env python3\nimport json, sys\n"
        f"table = json.loads({table!r})\n"
        "key = ' '.join(a for a in sys.argv[1:] if not a.startswith('-'))\n"
        "for name, answer in table.items():\n"
        "    if key.startswith(name):\n"
        "        print(answer); sys.exit(json.loads(answer).get('status', 0))\n"
        "print(json.dumps({'status': 1, 'name': 'NoCommand', 'message': 'unknown ' + key})); sys.exit(1)\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(folder)
