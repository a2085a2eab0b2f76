"""Ask the org: a read-only inspector that confirms or rules out each diagnosis cause from Salesforce itself.

Modules: ``client`` (the read-only HTTP client), ``queries`` (every query sent), ``facts`` (reading), ``checks``
and ``practices`` (pure rule tables), ``inspect`` (``inspect_org``), ``attach`` (org answers into a Diagnosis),
``sf_cli`` (the Salesforce CLI as a token source), ``texts`` (en/ja texts in resources/errors/org.json).
"""
