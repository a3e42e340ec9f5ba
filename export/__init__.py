"""PDF dossier export. No Qt here."""
from export.builder import build_dossier
from export.errors import DossierTooLarge, ExhibitUnreadable, ExportCancelled, ExportError, IntegrityMismatch
from export.request import DossierRequest, Exhibit, ExhibitField, ExportOptions, ExportResult, Party, TimelineEvent

__all__ = [
    "DossierRequest", "DossierTooLarge", "Exhibit", "ExhibitField", "ExhibitUnreadable", "ExportCancelled",
    "ExportError", "ExportOptions", "ExportResult", "IntegrityMismatch", "Party", "TimelineEvent", "build_dossier",
]
