"""Opening, creating and transacting on the encrypted SQLCipher file."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vault import driver
from vault.errors import DamagedVault, NotAVault, VaultExists, VaultNotFound, VaultTooNew, WrongPassphrase
from vault.schema import MIGRATIONS, SCHEMA_VERSION

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096  # SQLCipher 4 default; a vault's size is always a multiple of it


def quote_key(passphrase: str) -> str:
    """Quote a passphrase as an SQL string literal for PRAGMA key (PRAGMA takes no parameters)."""
    if not passphrase:
        raise ValueError("passphrase must not be empty")
    return "'" + passphrase.replace("'", "''") + "'"


def _check_file_shape(path: Path) -> None:
    """Reject files that cannot be a vault before SQLCipher touches them."""
    if not path.exists():
        raise VaultNotFound(f"no vault at {path}")
    if path.is_dir():
        raise NotAVault(f"{path} is a folder, not a vault file")
    size = path.stat().st_size
    if size == 0:
        raise NotAVault(f"{path} is empty (0 bytes): not a vault")
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_PLAIN_HEADER))
    if head == SQLITE_PLAIN_HEADER:
        raise NotAVault(f"{path} is an unencrypted SQLite database, not an Evidence Vault")
    if size % PAGE_SIZE:
        raise DamagedVault(
            f"{path} is {size} bytes, not a whole number of {PAGE_SIZE}-byte pages: "
            "the file is truncated or not a vault. Restore it from a backup."
        )


def _raw_connect(path: Path, passphrase: str, *, create: bool) -> driver.Connection:
    mode = "rwc" if create else "rw"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    try:
        conn = driver.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except driver.Error as e:
        raise NotAVault(f"cannot open {path}: {e}") from e
    conn.execute(f"PRAGMA key = {quote_key(passphrase)}")
    return conn


def _unlock(conn: driver.Connection, path: Path) -> None:
    """Prove the key by reading the schema; SQLCipher reports a bad key as 'not a database'."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver.DatabaseError as e:
        conn.close()
        if "not a database" in str(e) or "encrypted" in str(e):
            raise WrongPassphrase(
                "the passphrase does not open this vault (or the file is not an Evidence Vault)"
            ) from e
        raise DamagedVault(f"{path} cannot be read: {e}") from e


def _configure(conn: driver.Connection) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA temp_store = MEMORY")  # temporary tables and sorts never go to disk
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


class Database:
    """A keyed connection with one re-entrant lock and one transaction context manager.

    The lock lets the GUI's worker threads share the connection; SQLite serialises writes anyway.
    """

    def __init__(self, conn: driver.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        self.lock = threading.RLock()
        self._depth = 0

    @classmethod
    def open(cls, path: Path, passphrase: str) -> Database:
        path = Path(path)
        _check_file_shape(path)
        conn = _raw_connect(path, passphrase, create=False)
        _unlock(conn, path)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except driver.DatabaseError as e:
            conn.close()
            raise DamagedVault(f"{path} is damaged: {e}") from e
        if version > SCHEMA_VERSION:
            conn.close()
            raise VaultTooNew(
                f"this vault has schema version {version}; this program knows up to {SCHEMA_VERSION}. "
                "Update Evidence Vault to open it."
            )
        if "audit_log" not in tables:
            conn.close()
            raise NotAVault(f"{path} is an encrypted database but not an Evidence Vault")
        db = cls(conn, path)
        _configure(conn)
        db.migrate()
        return db

    @classmethod
    def create(cls, path: Path, passphrase: str, schema_version: int = SCHEMA_VERSION) -> Database:
        """A new vault file; an older schema_version is only for testing migrations."""
        path = Path(path)
        if path.exists():
            raise VaultExists(f"{path} already exists; choose another file name")
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = _raw_connect(path, passphrase, create=True)
        os.chmod(path, 0o600)
        db = cls(conn, path)
        _configure(conn)
        db.migrate(schema_version)
        return db

    def migrate(self, target: int = SCHEMA_VERSION) -> None:
        """Apply pending migrations in order, each in its own transaction."""
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version >= target:
            return
        # Rebuilding a table drops the old one; with enforcement on, that would cascade into the
        # originals. The pragma is a no-op inside a transaction, so it is set around them.
        self.conn.execute("PRAGMA foreign_keys = OFF")
        try:
            for number in range(version, target):
                with self.transaction():
                    MIGRATIONS[number](self.conn)
                    self.conn.execute(f"PRAGMA user_version = {number + 1}")
        finally:
            self.conn.execute("PRAGMA foreign_keys = ON")

    @contextmanager
    def transaction(self) -> Iterator[driver.Connection]:
        """Commit on success, roll back on exception; nested use becomes a savepoint."""
        with self.lock:
            name = f"sp{self._depth}"
            self.conn.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self.conn.execute("ROLLBACK")
                else:
                    self.conn.execute(f"ROLLBACK TO {name}")
                    self.conn.execute(f"RELEASE {name}")
                raise
            self._depth -= 1
            self.conn.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")

    def query(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def close(self) -> None:
        with self.lock:
            self.conn.close()
