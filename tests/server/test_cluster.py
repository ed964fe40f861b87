# SPDX-License-Identifier: LicenseRef-Proprietary
"""The test cluster itself is what a council's server should be: TLS with a verified
certificate, SCRAM passwords, no plain connection and no wrong password let in."""

from __future__ import annotations

import psycopg
import pytest


def test_verify_full_connection_is_encrypted_and_scram(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    with psycopg.connect(pg_cluster.superuser_dsn()) as conn:
        ssl = conn.execute("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
        assert ssl is not None and ssl[0] is True and ssl[1].startswith("TLSv1.")
        assert conn.execute("SHOW password_encryption").fetchone() == ("scram-sha-256",)
        assert conn.execute("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid "
                            "WHERE rolname = current_user").fetchone() == (True,)


def test_plain_connection_is_refused(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    plain = pg_cluster.superuser_dsn().split("?")[0] + "?sslmode=disable"
    with pytest.raises(psycopg.OperationalError, match="no pg_hba.conf entry|SSL off"):
        psycopg.connect(plain)


def test_wrong_password_is_refused(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(pg_cluster.dsn("sm_superuser", password="not the password"))


def test_a_certificate_for_another_name_is_refused(pg_cluster) -> None:  # type: ignore[no-untyped-def]
    # verify-full checks the name: the server's certificate names 127.0.0.1 and localhost only.
    # The same server, reached under a name its certificate does not carry.
    other = pg_cluster.superuser_dsn().replace("@127.0.0.1:", "@db.example.invalid:") + "&hostaddr=127.0.0.1"
    with pytest.raises(psycopg.OperationalError, match="does not match host name"):
        psycopg.connect(other)


def test_a_foreign_ca_is_refused(pg_cluster, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pg_cluster as pgc

    foreign = pgc.TestCertificates.make(tmp_path)
    dsn = pg_cluster.superuser_dsn().replace(str(pg_cluster.certs.ca_file), str(foreign.ca_file))
    with pytest.raises(psycopg.OperationalError, match="SSL error"):
        psycopg.connect(dsn)
