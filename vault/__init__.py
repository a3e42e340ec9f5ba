"""Encrypted evidence storage (SQLCipher). No Qt here."""
