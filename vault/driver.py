"""The one place that chooses the SQLCipher driver; everything else imports from here."""
from __future__ import annotations

import sqlcipher3.dbapi2 as _sqlcipher

Connection = _sqlcipher.Connection
Cursor = _sqlcipher.Cursor
Error = _sqlcipher.Error
DatabaseError = _sqlcipher.DatabaseError
IntegrityError = _sqlcipher.IntegrityError
OperationalError = _sqlcipher.OperationalError
Row = _sqlcipher.Row
connect = _sqlcipher.connect
