"""Reading evidence: OCR engines and extraction of what a complaint needs. No Qt here."""
