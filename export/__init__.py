"""PDF dossier export. No Qt here."""
