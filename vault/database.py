"""Opening, creating and transacting on the encrypted SQLCipher file."""
from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vault import driver
from vault.errors import (
    DamagedVault,
    DiskFull,
    NotAVault,
    VaultBusy,
    VaultError,
    VaultExists,
    VaultNotFound,
    VaultReplaced,
    VaultTooNew,
    WrongPassphrase,
)
from vault.lock import VaultLock
from vault.passphrase import key_candidates, normalize_passphrase
from vault.schema import MIGRATIONS, SCHEMA_VERSION

SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"
PAGE_SIZE = 4096  # SQLCipher 4 default; a vault's size is always a multiple of it


BUSY_TIMEOUT_SECONDS = 5.0
"""How long a statement waits for another program's write to finish before VaultBusy."""


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


JOURNAL_SUFFIXES = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a database, named after it."""


def with_journals(path: Path) -> tuple[Path, ...]:
    """The database file and its journal files, the file first."""
    return (path, *(path.with_name(path.name + suffix) for suffix in JOURNAL_SUFFIXES))


def remove_with_journals(path: Path) -> None:
    """Remove a database file that is not wanted (a failed create, a temporary copy) and its journals."""
    for part in with_journals(path):
        part.unlink(missing_ok=True)


def quote_key(passphrase: str) -> str:
    """Quote a passphrase's NFC form as an SQL string literal for PRAGMA key (PRAGMA takes no parameters)."""
    if not passphrase:
        raise ValueError("passphrase must not be empty")
    return _sql_literal(normalize_passphrase(passphrase))


def storage_error(error: driver.OperationalError, path: Path) -> VaultError | None:
    """The vault error for SQLite's busy and disk-full failures; None for anything else (a bug)."""
    message = str(error)
    if "database is locked" in message or "database table is locked" in message:
        return VaultBusy(
            f"{path} is busy: another program (the app, or another command) kept it locked for more than "
            f"{BUSY_TIMEOUT_SECONDS:.0f} s; nothing was changed. Wait for it to finish and try again."
        )
    if "database or disk is full" in message:
        return DiskFull(
            f"the disk holding {path} is full; the change in progress was not written (everything "
            "stored before it is complete). Free some space and try again."
        )
    return None


@contextmanager
def _storage_errors(path: Path) -> Iterator[None]:
    try:
        yield
    except driver.OperationalError as e:
        translated = storage_error(e, path)
        if translated is None:
            raise
        raise translated from e


def _connect_keyed(uri: str, path: Path, key_text: str) -> driver.Connection:
    try:
        conn = driver.connect(
            uri, uri=True, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_SECONDS
        )
    except driver.Error as e:
        raise NotAVault(f"cannot open {path}: {e}") from e
    # SQLCipher logs "ERROR CORE hmac check failed" to stderr on every wrong key; the caller
    # reports a wrong passphrase itself (SQLCipher 4.5+ pragma).
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {_sql_literal(key_text)}")
    return conn


def _key_opens(conn: driver.Connection) -> bool:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except driver.DatabaseError:
        return False
    return True


def _keyed_connection(uri: str, path: Path, passphrase: str, create: bool) -> driver.Connection:
    """A connection keyed with the NFC passphrase, or for an older vault with the form as typed.

    The last candidate is returned unproven, so `_unlock` reports why it does not open.
    """
    if not passphrase:
        raise ValueError("passphrase must not be empty")
    candidates = (normalize_passphrase(passphrase),) if create else key_candidates(passphrase)
    for candidate in candidates[:-1]:
        conn = _connect_keyed(uri, path, candidate)
        if _key_opens(conn):
            return conn
        conn.close()
    return _connect_keyed(uri, path, candidates[-1])


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


def _on_read_only_media(path: Path) -> bool:
    """True where neither the file nor its folder can be written (a CD, a read-only mount)."""
    return not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)


def _raw_connect(path: Path, passphrase: str, *, create: bool, read_only: bool = False) -> driver.Connection:
    mode = "rwc" if create else "ro" if read_only else "rw"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    if read_only and _on_read_only_media(path):
        uri += "&immutable=1"  # no -shm or lock files can be made there, and nobody can change the file
    return _keyed_connection(uri, path, passphrase, create)


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


def _configure(conn: driver.Connection, read_only: bool) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA temp_store = MEMORY")  # temporary tables and sorts never go to disk
    if read_only:
        return  # the journal mode is written into the file's header: a read must not change a byte
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")


class Database:
    """A keyed connection with one re-entrant lock and one transaction context manager.

    The lock lets the GUI's worker threads share the connection; SQLite serialises writes anyway.
    """

    def __init__(self, conn: driver.Connection, path: Path, file_lock: VaultLock, read_only: bool = False) -> None:
        self.conn = conn
        self.path = path
        self.lock = threading.RLock()
        self.file_lock = file_lock
        self.read_only = read_only
        self.closed = False
        self._depth = 0

    @classmethod
    def open(cls, path: Path, passphrase: str, read_only: bool = False) -> Database:
        """Open and migrate a vault; `read_only` never changes a current vault's file (a backup being
        listed or verified, read-only media), where an older schema is read as it is."""
        path = Path(path)
        _check_file_shape(path)
        file_lock = VaultLock(path)
        try:
            return cls._open_locked(path, passphrase, file_lock, read_only)
        except BaseException:
            file_lock.release()
            raise

    @classmethod
    def _open_locked(cls, path: Path, passphrase: str, file_lock: VaultLock, read_only: bool) -> Database:
        conn = _raw_connect(path, passphrase, create=False, read_only=read_only)
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
        if read_only and version < SCHEMA_VERSION and not _on_read_only_media(path):
            # Reading it as it is would fail on the newer columns; a vault kept by an older version
            # is upgraded by the first command that opens it, reading or not.
            conn.close()
            return cls._open_locked(path, passphrase, file_lock, read_only=False)
        db = cls(conn, path, file_lock, read_only)
        _configure(conn, read_only)
        if not read_only:
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
        db = cls(conn, path, VaultLock(path))
        _configure(conn, read_only=False)
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
        """Commit on success, roll back on exception; nested use becomes a savepoint.

        SQLite's busy and disk-full failures leave as VaultBusy and DiskFull.
        """
        with self.lock, _storage_errors(self.path):
            if self._depth == 0 and not self.file_lock.still_at_path():
                raise VaultReplaced(
                    f"{self.path} was replaced (a passphrase change or restore elsewhere) while it was open "
                    "here; nothing was written. Open the vault again."
                )
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

    def checkpoint(self) -> None:
        """Move committed pages from the -wal into the vault file, so a plain copy of it is whole."""
        with self.lock:
            if not self.read_only and self.file_lock.still_at_path():
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self, release_lock: bool = True) -> None:
        """Checkpoint and close; `release_lock=False` keeps others out until the caller releases it."""
        with self.lock:
            try:
                self.checkpoint()
            except driver.Error:
                pass  # closed already, or another connection is reading: SQLite checkpoints at its close
            finally:
                self.conn.close()
                self.closed = True
                if release_lock:
                    self.file_lock.release()
