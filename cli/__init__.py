"""`evidence-vault`: the command-line front end over the vault, OCR and export.

It stands beside app/ (the GUI) and drives the same core; each command module registers its own
arguments next to its code. Exit codes: 0 success, 1 problems found (e.g. by verify), 2 usage or
input errors.
"""
