"""Every SOQL query and Metadata API read the org inspector sends, in one place.

The practice org answers exactly these (``sfjwt_gui/practice/org_api.py`` matches them with ``QUERY_PATTERNS``);
anything else gets Salesforce's ``MALFORMED_QUERY``. Values are inserted only through ``soql_string`` and
``salesforce_id`` so a ``sub`` such as ``x' OR Username != '`` cannot change a query.

Field names come from the Salesforce Object Reference (ConnectedApplication, SetupEntityAccess,
PermissionSetAssignment, PermissionSet, User, Organization, LoginHistory). Permissions: SetupEntityAccess needs
"View Setup and Configuration" (documented since Spring '20); LoginHistory needs "Manage Users"; the Metadata API
needs "Modify Metadata Through Metadata API Functions" or "Customize Application".
"""

from __future__ import annotations

import re

ORGANIZATION = "SELECT Id, Name, IsSandbox, InstanceName, OrganizationType FROM Organization"
USER = "SELECT Id, Username, IsActive, UserType, ProfileId, Profile.Name FROM User WHERE Username = {username}"
ASSIGNMENTS = (
    "SELECT PermissionSetId, PermissionSet.Name, PermissionSet.Label, PermissionSet.IsOwnedByProfile, "
    "PermissionSet.Profile.Name, PermissionSet.PermissionsModifyAllData, PermissionSet.PermissionsViewAllData "
    "FROM PermissionSetAssignment WHERE AssigneeId = {user_id}"
)
APPS = "SELECT Id, Name, OptionsAllowAdminApprovedUsersOnly FROM ConnectedApplication ORDER BY Name LIMIT 200"
APP_ACCESS = (
    "SELECT ParentId, Parent.Name, Parent.Label, Parent.IsOwnedByProfile, Parent.Profile.Name "
    "FROM SetupEntityAccess WHERE SetupEntityId = {app_id}"
)
LOGINS = (
    "SELECT LoginTime, Status, Application, LoginType, SourceIp, LoginUrl FROM LoginHistory "
    "WHERE UserId = {user_id} ORDER BY LoginTime DESC LIMIT 20"
)

# what each query reads, for refusals and the record that decided a check
OBJECTS = {
    ORGANIZATION: "Organization",
    USER: "User",
    ASSIGNMENTS: "PermissionSetAssignment",
    APPS: "ConnectedApplication",
    APP_ACCESS: "SetupEntityAccess",
    LOGINS: "LoginHistory",
}

# Metadata API types read (readMetadata) after one listMetadata of the three
CONNECTED_APP = "ConnectedApp"
ECA_GLOBAL_OAUTH = "ExtlClntAppGlobalOauthSettings"
ECA_OAUTH_POLICIES = "ExtlClntAppOauthConfigurablePolicies"
LISTED_TYPES = [CONNECTED_APP, ECA_GLOBAL_OAUTH, ECA_OAUTH_POLICIES]

_ID = re.compile(r"^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$")


def soql_string(value: str) -> str:
    """A SOQL string literal: quotes and backslashes escaped, control characters refused."""
    if any(ord(ch) < 32 for ch in value) or len(value) > 255:
        raise ValueError("not a usable SOQL string value")
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def salesforce_id(value: str) -> str:
    """A quoted Salesforce id (15 or 18 letters and digits)."""
    if not _ID.match(value):
        raise ValueError(f"{value!r} is not a Salesforce id")
    return f"'{value}'"


def build(template: str, **values: str) -> str:
    """Fill a query template with already-quoted values."""
    return template.format(**values)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    regex = ""
    for index, part in enumerate(parts):
        if index % 2:
            regex += rf"(?P<{part}>'(?:[^'\\]|\\.)*')"
        else:
            regex += re.escape(part)
    return re.compile(regex)


QUERY_PATTERNS: dict[str, re.Pattern[str]] = {template: _pattern(template) for template in OBJECTS}


def unquote(literal: str) -> str:
    """The value of a SOQL string literal made by ``soql_string``."""
    inner = literal[1:-1]
    return re.sub(r"\\(.)", r"\1", inner)
