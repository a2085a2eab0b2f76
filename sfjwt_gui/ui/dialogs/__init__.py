"""Modal dialogs: passphrase prompt, export options, confirmations."""
