# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
"""PAdES signatures on rendered minutes, with pyHanko.

Each copy gets a certification signature (DocMDP: no changes allowed) in PAdES baseline form:
B-B, or B-T when a timestamp authority is configured. One ``MinutesSigner`` is built per run
and reused for every copy, so keys are parsed once and the space for the signature is sized
once instead of by a trial signature per file.
"""

from __future__ import annotations

import io
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from pyhanko.keys import load_certs_from_pemder_data, load_private_key_from_pemder_data
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError as PyHankoSigningError
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko.sign.timestamps import TimeStamper
from pyhanko.sign.timestamps.common_utils import TimestampRequestError
from pyhanko_certvalidator.registry import SimpleCertificateStore

from strategy_meeting.domain.errors import SigningError
from strategy_meeting.domain.records import SigningIdentity

from . import wording as w
from .identity import common_name

FIELD_NAME = "MinutesSignature"
# Room for the CMS object: an RSA-4096 signature, the signer's certificate and a short chain
# fit in 12 KiB; a timestamp token with its own chain needs up to 10 KiB more.
RESERVED_BYTES = 12 * 1024
RESERVED_TIMESTAMP_BYTES = 10 * 1024
RESERVED_PER_CHAIN_CERT = 2 * 1024


class _LoadedKeySigner(signers.SimpleSigner):
    """pyHanko's in-memory signer, with the key parsed once.

    ``SimpleSigner`` parses the private key on every signature, and cryptography checks an RSA
    key's arithmetic each time it is parsed: about 0.5 s for RSA-3072. Twelve copies would
    spend six seconds on that alone.
    """

    def __init__(self, private_key_pem: bytes, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._key = serialization.load_pem_private_key(private_key_pem, password=None)

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        hash_algo = get_pyca_cryptography_hash(digest_algorithm)
        if mechanism == "rsassa_pkcs1v15" and isinstance(self._key, rsa.RSAPrivateKey):
            return self._key.sign(data, padding.PKCS1v15(), hash_algo)
        if mechanism == "ecdsa" and isinstance(self._key, ec.EllipticCurvePrivateKey):
            return self._key.sign(data, ec.ECDSA(hash_algo))
        return super().sign_raw(data, digest_algorithm)


def http_timestamper(url: str, timeout: float = 10) -> TimeStamper:
    """An RFC 3161 client for the configured timestamp authority (PAdES B-T)."""
    from pyhanko.sign.timestamps.aiohttp_client import HTTPTimeStamper

    return HTTPTimeStamper(url, timeout=timeout)


class MinutesSigner:
    """Signs PDF bytes as the holder of ``identity``; reuse one for a whole set of copies."""

    def __init__(
        self, identity: SigningIdentity, *, timestamper: TimeStamper | None = None
    ) -> None:
        try:
            cert = next(iter(load_certs_from_pemder_data(identity.certificate_pem)))
            key = load_private_key_from_pemder_data(identity.private_key_pem, passphrase=None)
            chain = list(load_certs_from_pemder_data(identity.chain_pem)) if identity.chain_pem else []
        except (ValueError, StopIteration) as exc:
            raise SigningError(
                "The signing identity could not be read; import or create it again."
            ) from exc
        self.subject = identity.subject
        self.signer_name = common_name(identity.certificate_pem)
        self._signer = _LoadedKeySigner(
            identity.private_key_pem,
            signing_cert=cert,
            signing_key=key,
            cert_registry=SimpleCertificateStore.from_certs(chain),
        )
        self._timestamper = timestamper
        self._meta = signers.PdfSignatureMetadata(
            field_name=FIELD_NAME,
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
            certify=True,
            docmdp_permissions=fields.MDPPerm.NO_CHANGES,
            reason=w.SIGNATURE_REASON,
        )
        self._pdf_signer = signers.PdfSigner(
            self._meta,
            self._signer,
            timestamper=timestamper,
            new_field_spec=fields.SigFieldSpec(sig_field_name=FIELD_NAME, on_page=0),
        )
        self._reserved = (
            RESERVED_BYTES
            + RESERVED_PER_CHAIN_CERT * len(chain)
            + (RESERVED_TIMESTAMP_BYTES if timestamper is not None else 0)
        )

    @property
    def level(self) -> str:
        return "PAdES B-T" if self._timestamper is not None else "PAdES B-B"

    def sign(self, pdf: bytes) -> bytes:
        """The signed PDF. The input is unchanged; on failure nothing is returned."""
        try:
            writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
            out = self._pdf_signer.sign_pdf(writer, bytes_reserved=self._reserved)
        except TimestampRequestError as exc:
            raise SigningError(
                "The timestamp authority did not answer; check its address or sign without it."
            ) from exc
        except PyHankoSigningError as exc:
            raise SigningError(f"The minutes could not be signed: {exc}") from exc
        except PdfError as exc:
            raise SigningError("The rendered minutes could not be read for signing.") from exc
        return out.getvalue()
