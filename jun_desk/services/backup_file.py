"""The backup file: a manifest in clear, then the database copy compressed (zlib) and
encrypted (AES-256-GCM, ``cryptography``) in chunks.

    JUNDESK-BACKUP 1\\n | manifest length (4 bytes) | manifest JSON | chunk | chunk | ...

Each chunk of up to CHUNK bytes is sealed with a key derived (HKDF-SHA256) from the desk's
backup key and the file's random salt; its nonce is its number, and its associated data
binds the manifest, the number and whether it is the last chunk. So a wrong key, an altered
manifest, a chunk swapped, lost or damaged, or a file cut short (even at a chunk boundary)
all fail to decrypt: nothing half-read is ever taken for a backup.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from jun_desk.domain.backups import Manifest
from jun_desk.domain.errors import StorageError

MAGIC = b"JUNDESK-BACKUP 1\n"
CHUNK = 1 << 20
TAG = 16
KEY_BYTES = 32
CIPHER = "AES-256-GCM"
_MAX_MANIFEST = 1 << 20


def key_id(key: bytes) -> str:
    """A short fingerprint of a backup key: which key a backup needs, without the key."""
    return hashlib.sha256(b"jun-desk backup key id\0" + key).hexdigest()[:12]


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def _file_key(key: bytes, salt: bytes) -> AESGCM:
    derived = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt,
                   info=b"jun-desk backup v1").derive(key)
    return AESGCM(derived)


def _aad(digest: bytes, number: int, last: bool) -> bytes:
    return digest + number.to_bytes(8, "big") + (b"\1" if last else b"\0")


def _nonce(number: int) -> bytes:
    return number.to_bytes(12, "big")


class BackupWriter:
    """Streams plaintext in; writes the sealed file to ``handle`` (opened by the caller)."""

    def __init__(self, handle: IO[bytes], manifest: Manifest, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise StorageError.of("backup.key_invalid")
        salt = os.urandom(16)
        self.manifest = replace(manifest, crypto={
            "cipher": CIPHER, "kdf": "HKDF-SHA256", "compression": "zlib", "chunk": CHUNK,
            "key_id": key_id(key), "salt": salt.hex()})
        header = self.manifest.to_json()
        self._handle = handle
        handle.write(MAGIC + len(header).to_bytes(4, "big") + header)
        self._digest = hashlib.sha256(MAGIC + header).digest()
        self._aes = _file_key(key, salt)
        self._zip = zlib.compressobj(6)
        self._buffer = bytearray()
        self._number = 0
        self.plain_bytes = 0

    def write(self, data: bytes) -> None:
        self.plain_bytes += len(data)
        self._buffer += self._zip.compress(data)
        # Seal full chunks only while more follows: the last chunk is always the short one.
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]

    def finish(self) -> None:
        self._buffer += self._zip.flush()
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        self._seal(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _seal(self, plain: bytes, *, last: bool) -> None:
        number = self._number
        self._handle.write(self._aes.encrypt(_nonce(number), plain,
                                             _aad(self._digest, number, last)))
        self._number += 1


def _read_header(handle: IO[bytes], path: Path) -> tuple[Manifest, bytes]:
    magic = handle.read(len(MAGIC))
    if magic != MAGIC:
        raise StorageError.of("backup.not_a_backup", path=path)
    size = int.from_bytes(handle.read(4), "big")
    header = handle.read(size) if 0 < size <= _MAX_MANIFEST else b""
    try:
        manifest = Manifest.from_json(header)
    except ValueError:
        raise StorageError.of("backup.not_a_backup", path=path) from None
    return manifest, hashlib.sha256(MAGIC + header).digest()


def read_manifest(path: Path) -> Manifest:
    """What a backup says it holds (no key needed)."""
    try:
        with open(path, "rb") as handle:
            return _read_header(handle, path)[0]
    except OSError as err:
        raise StorageError.of("backup.unreadable", path=path,
                              detail=err.strerror or str(err)) from None


def read_backup(path: Path, key: bytes) -> Iterator[bytes]:
    """The database copy, decrypted and decompressed, block by block. A wrong key or a
    damaged or incomplete file raise before anything of the bad part is yielded."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the generator's finally)
    except OSError as err:
        raise StorageError.of("backup.unreadable", path=path,
                              detail=err.strerror or str(err)) from None
    try:
        manifest, digest = _read_header(handle, path)
        crypto = manifest.crypto
        if crypto.get("cipher") != CIPHER:
            raise StorageError.of("backup.not_a_backup", path=path)
        if crypto.get("key_id") != key_id(key):
            raise StorageError.of("backup.wrong_key", path=path,
                                  backup_key=crypto.get("key_id"), desk_key=key_id(key))
        aes = _file_key(key, bytes.fromhex(str(crypto["salt"])))
        unzip = zlib.decompressobj()
        size = int(crypto.get("chunk", CHUNK)) + TAG
        number = 0
        block = handle.read(size)
        while True:
            following = handle.read(size)
            last = not following
            try:
                plain = aes.decrypt(_nonce(number), block, _aad(digest, number, last))
            except InvalidTag:
                raise StorageError.of("backup.damaged", path=path) from None
            out = unzip.decompress(plain)
            if out:
                yield out
            if last:
                break
            block, number = following, number + 1
        tail = unzip.flush()
        if not unzip.eof:
            raise StorageError.of("backup.damaged", path=path)
        if tail:
            yield tail
    except zlib.error:
        raise StorageError.of("backup.damaged", path=path) from None
    except OSError as err:
        raise StorageError.of("backup.unreadable", path=path,
                              detail=err.strerror or str(err)) from None
    finally:
        handle.close()
