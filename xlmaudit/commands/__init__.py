"""One module per CLI command; see xlmaudit/cli.py."""
