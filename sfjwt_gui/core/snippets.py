"""Ready-to-run code for the same token request the window sends: curl, Python (httpx), Apex, ``sf org login jwt``.

Every snippet carries the user's own values (token URL, consumer key, username, aud, lifetime), quoted for its
language. Only the curl snippet embeds the signed assertion (it is what the user asked to copy, and it expires within
minutes); the others sign their own JWT from the key file or the certificate name and never contain a private key.

A snippet names only a key file that exists: ``key_file`` is used when it is an unencrypted PEM key file on disk
(``core.key_file.write_key_for_command`` writes one after the user confirms); until then the Python and ``sf``
snippets say plainly which file they need (``key_file.needed_text``) and hold an obvious placeholder. The Apex snippet
follows the Apex reference: ``exp`` from ``Auth.JWT.setValidityLength``, the documented
``Auth.JWTBearerTokenExchange``, and the seed article's explicit ``HttpRequest`` as the alternative.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from sfjwt_gui.core import policy

__all__ = [
    "GRANT_TYPE",
    "KEY_FILE_PLACEHOLDER",
    "SnippetInput",
    "SnippetKind",
    "render",
    "render_all",
    "usable_key_file",
]

GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer"
_TOKEN_PATH = "/services/oauth2/token"  # noqa: S105 (a URL path, not a secret)


class SnippetKind(StrEnum):
    """The languages/tools a request can be copied as."""

    CURL = "curl"
    PYTHON = "python"
    APEX = "apex"
    SF_CLI = "sf"


@dataclass(frozen=True)
class SnippetInput:
    """The values a snippet needs; ``assertion`` only for curl, ``ca_file`` when a private CA must be trusted."""

    token_url: str
    consumer_key: str
    username: str
    audience: str
    lifetime: int = policy.DEFAULT_LIFETIME_SECONDS
    assertion: str | None = None
    key_file: str | None = None  # an unencrypted PEM key file; named only when it exists
    certificate_name: str = "My_Cert"
    named_credential: str = "my_named_credential"
    ca_file: str | None = None

    @property
    def login_url(self) -> str:
        """The token URL without ``/services/oauth2/token`` (what ``sf --instance-url`` takes)."""
        url = self.token_url.rstrip("/")
        if url.endswith(_TOKEN_PATH):
            url = url[: -len(_TOKEN_PATH)]
        parts = urlsplit(url)
        return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else url

    @property
    def full_token_url(self) -> str:
        """The token URL with ``/services/oauth2/token``."""
        url = self.token_url.rstrip("/")
        return url if url.endswith(_TOKEN_PATH) else self.login_url + _TOKEN_PATH


KEY_FILE_PLACEHOLDER = "UNENCRYPTED-KEY-FILE.pem"


def usable_key_file(v: SnippetInput) -> str | None:
    """``v.key_file`` when it is an unencrypted PEM key file that exists (what the snippets may name), else None."""
    from sfjwt_gui.core.key_file import is_unencrypted_pem_key

    return v.key_file if v.key_file and is_unencrypted_pem_key(v.key_file) else None


def _needs_key_file(prefix: str, lang: str) -> str:
    """The "which file it needs" comment, wrapped at about 110 columns, each line starting with ``prefix``."""
    import textwrap

    from sfjwt_gui.core.key_file import needed_text

    width = 110 if lang == "en" else 60  # Japanese characters are twice as wide
    return "".join(f"{prefix} {line}\n" for line in textwrap.wrap(needed_text(lang), width))


def _apex_string(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'"


def _python_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def curl(v: SnippetInput, lang: str = "en") -> str:
    """A curl command posting the signed assertion, form-encoded (the assertion is valid for minutes only)."""
    del lang  # no comment to translate
    assertion = v.assertion or "PASTE_THE_SIGNED_JWT_HERE"
    lines = [
        f"curl --silent --show-error {shlex.quote(v.full_token_url)} \\",
    ]
    if v.ca_file:
        lines.append(f"  --cacert {shlex.quote(v.ca_file)} \\")
    lines += [
        f"  --data-urlencode {shlex.quote('grant_type=' + GRANT_TYPE)} \\",
        f"  --data-urlencode {shlex.quote('assertion=' + assertion)}",
    ]
    return "\n".join(lines) + "\n"


def python_httpx(v: SnippetInput, lang: str = "en") -> str:
    """A Python script that signs the same claims with PyJWT and posts them with httpx."""
    verify = _python_string(v.ca_file) if v.ca_file else "True"
    key_file = usable_key_file(v)
    needs = "" if key_file else _needs_key_file("#", lang)
    return f"""\
# pip install httpx pyjwt cryptography
{needs}import time
from pathlib import Path

import httpx
import jwt

TOKEN_URL = {_python_string(v.full_token_url)}
CONSUMER_KEY = {_python_string(v.consumer_key)}
USERNAME = {_python_string(v.username)}
AUDIENCE = {_python_string(v.audience)}
PRIVATE_KEY = Path({_python_string(key_file or KEY_FILE_PLACEHOLDER)}).read_text()  # keep it out of version control

now = int(time.time())  # seconds since the epoch, UTC
claims = {{"iss": CONSUMER_KEY, "sub": USERNAME, "aud": AUDIENCE, "exp": now + {int(v.lifetime)}}}
assertion = jwt.encode(claims, PRIVATE_KEY, algorithm="RS256")

response = httpx.post(
    TOKEN_URL,
    data={{"grant_type": {_python_string(GRANT_TYPE)}, "assertion": assertion}},
    verify={verify},
    timeout=30,
)
body = response.json()
if response.status_code != 200:
    raise SystemExit(f"{{body.get('error')}}: {{body.get('error_description')}}")
print("instance_url:", body["instance_url"])
access_token = body["access_token"]  # a secret: do not print or log it
"""


def apex(v: SnippetInput, lang: str = "en") -> str:
    """Apex per the Apex reference: Auth.JWT (exp from setValidityLength) + Auth.JWS with a certificate from
    Certificate and Key Management, then Auth.JWTBearerTokenExchange, or the seed article's explicit HttpRequest."""
    del lang  # Apex comments stay English, as in the Apex reference the names come from
    return f"""\
// {v.certificate_name!s}: the certificate's unique name in Setup > Certificate and Key Management (import the key there
//   as a JKS keystore: sfjwt keys export NAME --format jks).
// Apex callouts need the token endpoint in Setup > Remote Site Settings (or the named credential below).
public class JWTBearerFlowExample {{
    private static final String CONSUMER_KEY = {_apex_string(v.consumer_key)};
    private static final String USERNAME = {_apex_string(v.username)};
    private static final String AUDIENCE = {_apex_string(v.audience)};
    private static final String TOKEN_ENDPOINT = {_apex_string(v.full_token_url)};
    private static final String CERTIFICATE_NAME = {_apex_string(v.certificate_name)};

    // exp comes from setValidityLength(seconds). The Apex reference says additional claims cannot include standard
    // claims, so the seed article's setAdditionalClaims with 'exp' is documented as not allowed (what it does at
    // run time is unconfirmed): do not set exp that way.
    private static Auth.JWS signedAssertion() {{
        Auth.JWT jwt = new Auth.JWT();
        jwt.setIss(CONSUMER_KEY);
        jwt.setSub(USERNAME);
        jwt.setAud(AUDIENCE);
        jwt.setValidityLength({int(v.lifetime)});  // seconds: exp = now + {int(v.lifetime)}
        return new Auth.JWS(jwt, CERTIFICATE_NAME);
    }}

    // The documented way: Auth.JWTBearerTokenExchange posts the assertion and reads the answer. A refusal throws
    // Auth.JWTBearerTokenExchange.JWTBearerTokenExchangeException ("Error 400: {{json}}").
    public static String getAccessToken() {{
        Auth.JWTBearerTokenExchange bearer = new Auth.JWTBearerTokenExchange(TOKEN_ENDPOINT, signedAssertion());
        return bearer.getAccessToken();
    }}

    // The seed article's way: the same request as an explicit HttpRequest, through named credential
    // {v.named_credential!s} -> {v.login_url}
    public static String getAccessTokenWithHttpRequest() {{
        String token = signedAssertion().getCompactSerialization();
        HttpRequest req = new HttpRequest();
        req.setEndpoint('callout:' + {_apex_string(v.named_credential)} + '/services/oauth2/token');
        req.setMethod('POST');
        req.setHeader('Content-Type', 'application/x-www-form-urlencoded');
        req.setBody('grant_type=' + EncodingUtil.urlEncode({_apex_string(GRANT_TYPE)}, 'UTF-8')
            + '&assertion=' + EncodingUtil.urlEncode(token, 'UTF-8'));

        HttpResponse res = new Http().send(req);
        Map<String, Object> body = (Map<String, Object>) JSON.deserializeUntyped(res.getBody());
        if (res.getStatusCode() != 200) {{
            throw new CalloutException(body.get('error') + ': ' + body.get('error_description'));
        }}
        return (String) body.get('access_token');
    }}
}}
"""


def sf_cli(v: SnippetInput, lang: str = "en") -> str:
    """``sf org login jwt`` with the same values; sets SF_AUDIENCE_URL when aud is not the login URL."""
    prefix = ""
    if v.audience and v.audience.rstrip("/") != v.login_url.rstrip("/"):
        prefix = f"SF_AUDIENCE_URL={shlex.quote(v.audience)} "
    if v.ca_file:
        prefix = f"NODE_EXTRA_CA_CERTS={shlex.quote(v.ca_file)} " + prefix
    key_file = usable_key_file(v)
    return (
        ("" if key_file else _needs_key_file("#", lang)) + f"{prefix}sf org login jwt \\\n"
        f"  --username {shlex.quote(v.username)} \\\n"
        f"  --jwt-key-file {shlex.quote(key_file or KEY_FILE_PLACEHOLDER)} \\\n"
        f"  --client-id {shlex.quote(v.consumer_key)} \\\n"
        f"  --instance-url {shlex.quote(v.login_url)}\n"
    )


_RENDERERS = {
    SnippetKind.CURL: curl,
    SnippetKind.PYTHON: python_httpx,
    SnippetKind.APEX: apex,
    SnippetKind.SF_CLI: sf_cli,
}


def render(kind: SnippetKind | str, values: SnippetInput, lang: str = "en") -> str:
    """The snippet of one kind; ``lang`` is the language of its "which file it needs" comment."""
    return _RENDERERS[SnippetKind(kind)](values, lang)


def render_all(values: SnippetInput, lang: str = "en") -> dict[SnippetKind, str]:
    """Every snippet kind."""
    return {kind: fn(values, lang) for kind, fn in _RENDERERS.items()}


# --- keys that stay in a token or KMS: the snippets sign with the same backend ------------------------------------

_SIGNING_INPUT = """\
def b64url(data: bytes) -> bytes:
    return base64.urlsafe_b64encode(data).rstrip(b"=")


now = int(time.time())  # seconds since the epoch, UTC
claims = {{"iss": CONSUMER_KEY, "sub": USERNAME, "aud": AUDIENCE, "exp": now + {lifetime}}}
header = {{"alg": "RS256", "typ": "JWT"}}
signing_input = b64url(json.dumps(header, separators=(",", ":")).encode()) + b"." + b64url(
    json.dumps(claims, separators=(",", ":")).encode()
)
"""

_POST = """\
assertion = (signing_input + b"." + b64url(signature)).decode("ascii")
response = httpx.post(
    TOKEN_URL,
    data={{"grant_type": {grant}, "assertion": assertion}},
    verify={verify},
    timeout=30,
)
body = response.json()
if response.status_code != 200:
    raise SystemExit(f"{{body.get('error')}}: {{body.get('error_description')}}")
print("instance_url:", body["instance_url"])
access_token = body["access_token"]  # a secret: do not print or log it
"""


def _values_block(v: SnippetInput) -> str:
    return (
        f"TOKEN_URL = {_python_string(v.full_token_url)}\n"
        f"CONSUMER_KEY = {_python_string(v.consumer_key)}\n"
        f"USERNAME = {_python_string(v.username)}\n"
        f"AUDIENCE = {_python_string(v.audience)}\n"
    )


def python_pkcs11(v: SnippetInput, reference: str, module: str = "/usr/lib/softhsm/libsofthsm2.so") -> str:
    """Python that signs the assertion inside the PKCS#11 token ``reference`` names (python-pkcs11), then posts it.

    The PIN is read from the environment variable PKCS11_PIN; the module from SFJWT_PKCS11_MODULE or ``module``.
    """
    from sfjwt_gui.core.key_refs import Pkcs11Ref, parse_pkcs11

    ref: Pkcs11Ref = parse_pkcs11(reference)
    key_id = f"bytes.fromhex({_python_string(ref.id.hex())})" if ref.id is not None else "None"
    verify = _python_string(v.ca_file) if v.ca_file else "True"
    return (
        f"""\
# pip install httpx python-pkcs11
# The private key never leaves the token: the token signs. PIN from the environment, never in code.
import base64
import json
import os
import time

import httpx
import pkcs11
from pkcs11 import Mechanism, ObjectClass

{_values_block(v)}MODULE = os.environ.get("SFJWT_PKCS11_MODULE", {_python_string(ref.module_path or module)})
TOKEN_LABEL = {_python_string(ref.token or "")}
KEY_LABEL = {_python_string(ref.object) if ref.object is not None else "None"}
KEY_ID = {key_id}


"""
        + _SIGNING_INPUT.format(lifetime=int(v.lifetime))
        + """
token = pkcs11.lib(MODULE).get_token(token_label=TOKEN_LABEL)
with token.open(user_pin=os.environ["PKCS11_PIN"]) as session:
    key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=KEY_LABEL, id=KEY_ID)
    signature = key.sign(signing_input, mechanism=Mechanism.SHA256_RSA_PKCS)

"""
        + _POST.format(grant=_python_string(GRANT_TYPE), verify=verify)
    )


def python_awskms(v: SnippetInput, reference: str) -> str:
    """Python that signs the assertion in AWS KMS (boto3, the standard AWS credential chain), then posts it."""
    from sfjwt_gui.core.key_refs import AwsKmsRef, parse_reference

    ref = parse_reference(reference)
    if not isinstance(ref, AwsKmsRef):
        raise ValueError(f"{reference!r} is not an awskms: reference")
    region = f", region_name={_python_string(ref.region)}" if ref.region else ""
    verify = _python_string(v.ca_file) if v.ca_file else "True"
    return (
        f"""\
# pip install httpx boto3
# The private key never leaves AWS KMS: KMS signs. Credentials and region: the standard AWS chain.
import base64
import json
import time

import boto3
import httpx

{_values_block(v)}KMS_KEY_ID = {_python_string(ref.key_id)}


"""
        + _SIGNING_INPUT.format(lifetime=int(v.lifetime))
        + f"""
kms = boto3.client("kms"{region})
signature = kms.sign(
    KeyId=KMS_KEY_ID, Message=signing_input, MessageType="RAW", SigningAlgorithm="RSASSA_PKCS1_V1_5_SHA_256"
)["Signature"]

"""
        + _POST.format(grant=_python_string(GRANT_TYPE), verify=verify)
    )


def apex_external_key(v: SnippetInput, reference: str) -> str:
    """What Apex can and cannot do with a key in a token or KMS (as an Apex comment, with the supported way)."""
    return f"""\
// The key {reference} stays in its hardware token / KMS, and Apex cannot sign with it:
// - Auth.JWS signs only with a certificate-and-key held in Salesforce (Setup > Certificate and Key Management),
//   and Crypto.sign needs the private key's bytes. Neither can reach a PKCS#11 token on your machine.
// - AWS KMS has an HTTPS API, so an Apex callout through a Named Credential using AWS Signature Version 4 could
//   ask KMS to sign (action TrentService.Sign, RSASSA_PKCS1_V1_5_SHA_256); this app does not generate or test
//   that code.
// To keep the key inside Salesforce instead, create a certificate in Certificate and Key Management (its key never
// leaves Salesforce), upload that certificate to the app {v.consumer_key!s}, and use
// new Auth.JWS(jwt, {_apex_string(v.certificate_name)}) as in the Apex snippet for a stored key.
"""


def render_for_signer(v: SnippetInput, reference: str, *, pkcs11_module: str | None = None) -> dict[str, str]:
    """The "Copy as" snippets for a key that stays in a token or KMS: Python signing with the same backend, and
    the Apex note. Keys: ``"python"``, ``"apex"``. (curl posts an already signed assertion, as for other keys.)"""
    from sfjwt_gui.core.key_refs import AwsKmsRef, parse_reference

    ref = parse_reference(reference)
    if isinstance(ref, AwsKmsRef):
        python = python_awskms(v, reference)
    else:
        python = python_pkcs11(v, reference, *([pkcs11_module] if pkcs11_module else []))
    return {"python": python, "apex": apex_external_key(v, reference)}
