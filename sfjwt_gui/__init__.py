"""sfjwt-gui: set up and debug the Salesforce OAuth 2.0 JWT Bearer Flow."""

__version__ = "0.1.0"
