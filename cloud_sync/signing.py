"""Ed25519 keys and signatures (the `cryptography` library)."""

from __future__ import annotations

import os
from pathlib import Path

from cloud_sync.manifest import BundleError

__all__ = ["keygen", "load_private_key", "load_public_key", "sign", "verify_signature"]

PRIVATE_NAME = "private.pem"
PUBLIC_NAME = "public.pem"


def keygen(out_dir: str | Path) -> tuple[Path, Path]:
    """Write a new key pair to out_dir/private.pem (mode 0600) and out_dir/public.pem.

    Refuses to overwrite an existing private key (a lost key strands every board that
    trusts it)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    priv_path, pub_path = folder / PRIVATE_NAME, folder / PUBLIC_NAME
    for p in (priv_path, pub_path):
        if p.exists():
            raise BundleError(f"{p} already exists; refusing to overwrite a key")
    key = Ed25519PrivateKey.generate()
    priv = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())
    pub = key.public_key().public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo)
    fd = os.open(priv_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(priv)
    pub_path.write_bytes(pub)
    return priv_path, pub_path


def _read(path: str | Path, what: str) -> bytes:
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"{what} not found: {p}")
    return p.read_bytes()


def load_private_key(path: str | Path):  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        key = serialization.load_pem_private_key(_read(path, "private key"), password=None)
    except (ValueError, TypeError) as exc:
        raise BundleError(f"{path} is not an unencrypted PEM private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise BundleError(f"{path} is not an Ed25519 private key")
    return key


def load_public_key(path: str | Path):  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        key = serialization.load_pem_public_key(_read(path, "public key"))
    except (ValueError, TypeError) as exc:
        raise BundleError(f"{path} is not a PEM public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise BundleError(f"{path} is not an Ed25519 public key")
    return key


def sign(private_key_path: str | Path, data: bytes) -> bytes:
    return bytes(load_private_key(private_key_path).sign(data))


def verify_signature(public_key_path: str | Path, data: bytes, signature: bytes) -> None:
    """BundleError unless `signature` is `data` signed by the key at public_key_path."""
    from cryptography.exceptions import InvalidSignature

    key = load_public_key(public_key_path)
    try:
        key.verify(signature, data)
    except InvalidSignature:
        raise BundleError(f"the manifest signature does not match the public key "
                          f"{public_key_path} (wrong key, or the manifest was altered)") from None
