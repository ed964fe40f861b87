# SPDX-License-Identifier: LicenseRef-Proprietary
"""A real PostgreSQL cluster for the team-server tests (issue 17, part 8).

One cluster per test session, in a temporary folder, on a free loopback port, reachable only
by TLS (``hostssl`` lines alone in ``pg_hba.conf``, ``scram-sha-256`` for every login, no Unix
socket). Its certificate is issued by a test CA made here with ``cryptography`` for
``127.0.0.1`` and ``localhost``, so clients connect with ``sslmode=verify-full`` exactly as the
app does in a council.

``initdb`` refuses to run as root, and CI runs as root: there the server runs as an
unprivileged system user (``postgres`` where the Debian package made it, else one this module
creates with ``useradd --system``), through ``runuser``. The binaries are looked for on the
PATH and in Debian's ``/usr/lib/postgresql/N/bin``; when they are truly missing the tests that
need them are skipped with that reason (``.ci/run`` installs them, so CI never skips).

Durability settings (``fsync = off``) are a test cluster's: nothing here outlives the session.
"""

from __future__ import annotations

import datetime as dt
import glob
import ipaddress
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

SERVER_USER_CANDIDATES = ("postgres", "strategy-meeting-pg")
SUPERUSER = "sm_superuser"


def find_binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    # Debian's packages keep the server binaries off the PATH.
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return candidates[-1] if candidates else None


def missing_binaries() -> list[str]:
    return [n for n in ("initdb", "pg_ctl", "postgres") if find_binary(n) is None]


@dataclass
class TestCertificates:
    folder: Path
    ca_file: Path
    server_cert: Path
    server_key: Path

    @classmethod
    def make(cls, folder: Path) -> TestCertificates:
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

        now = dt.datetime.now(dt.UTC)
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Strategy Meeting test CA")])
        ca = (
            x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
            .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .sign(ca_key, hashes.SHA256())
        )
        server_key = ec.generate_private_key(ec.SECP256R1())
        server = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
            .issuer_name(ca_name).public_key(server_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=2))
            .add_extension(x509.SubjectAlternativeName([
                x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(ca_key, hashes.SHA256())
        )
        pem = serialization.Encoding.PEM
        certs = cls(folder, folder / "ca.pem", folder / "server.crt", folder / "server.key")
        certs.ca_file.write_bytes(ca.public_bytes(pem))
        certs.server_cert.write_bytes(server.public_bytes(pem))
        certs.server_key.write_bytes(server_key.private_bytes(
            pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        os.chmod(certs.server_key, 0o600)
        return certs


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server_user() -> str | None:
    """None when not root (the server runs as whoever runs the tests)."""
    if os.getuid() != 0:
        return None
    for name in SERVER_USER_CANDIDATES:
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    name = SERVER_USER_CANDIDATES[-1]
    subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
                   check=True, capture_output=True)
    return name


@dataclass
class PgCluster:
    """A running cluster; ``dsn`` gives the libpq URL for a login, always ``verify-full``."""

    folder: Path
    port: int
    certs: TestCertificates
    superuser_password: str
    run_as: str | None
    host: str = "127.0.0.1"
    _counter: list[int] = field(default_factory=lambda: [0])

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def dsn(self, user: str, dbname: str = "postgres", password: str | None = None) -> str:
        secret = f":{quote(password, safe='')}" if password is not None else ""
        return (f"postgresql://{quote(user, safe='')}{secret}@{self.host}:{self.port}/{quote(dbname, safe='')}"
                f"?sslmode=verify-full&sslrootcert={quote(str(self.certs.ca_file), safe='/')}")

    def superuser_dsn(self, dbname: str = "postgres") -> str:
        return self.dsn(SUPERUSER, dbname, self.superuser_password)

    def unique(self, stem: str) -> str:
        """A name no other test of the session uses (roles are cluster-wide)."""
        self._counter[0] += 1
        return f"{stem}_{os.getpid()}_{self._counter[0]}"

    def superuser_sql(self, sql: str, dbname: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(self.superuser_dsn(dbname), autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def new_database(self, owner_password: str = "owner passphrase", collation: str = "C",
                     icu_locale: str | None = None) -> tuple[str, str, str]:
        """A fresh, empty database owned by a fresh role allowed to create roles, as an
        administrator would be given for ``server init``. Returns (database, owner, owner DSN)."""
        db = self.unique("sm_db")
        owner = self.unique("sm_owner")
        self.superuser_sql(f"CREATE ROLE {owner} LOGIN CREATEROLE PASSWORD '{owner_password}'")
        self.superuser_sql(f"CREATE DATABASE {db} OWNER {owner} TEMPLATE template0 ENCODING 'UTF8' "
                           f"LC_COLLATE '{collation}' LC_CTYPE '{collation}'"
                           + (f" LOCALE_PROVIDER icu ICU_LOCALE '{icu_locale}'" if icu_locale else ""))
        self.superuser_sql(f"REVOKE ALL ON DATABASE {db} FROM PUBLIC")
        return db, owner, self.dsn(owner, db, owner_password)

    def _run(self, argv: list[str]) -> subprocess.CompletedProcess[str]:
        if self.run_as is not None:
            argv = ["runuser", "-u", self.run_as, "--", *argv]
        return subprocess.run(argv, check=True, capture_output=True, text=True, cwd="/")

    def start(self) -> None:
        self._run([find_binary("pg_ctl") or "pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                   "-w", "-t", "60", "start"])

    def stop(self) -> None:
        try:
            self._run([find_binary("pg_ctl") or "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        except subprocess.CalledProcessError:
            pass

    @classmethod
    def create(cls) -> PgCluster:
        run_as = _server_user()
        folder = Path(tempfile.mkdtemp(prefix="sm-pg-"))  # a test cluster's own folder, removed at the end
        os.chmod(folder, 0o711)  # the server user reaches its own data folder inside; others list nothing
        certs_dir = folder / "tls"
        certs_dir.mkdir()
        certs = TestCertificates.make(certs_dir)
        os.chmod(certs.ca_file, 0o644)
        cluster = cls(folder, _free_port(), certs, secrets.token_urlsafe(24), run_as)
        pwfile = folder / "superuser.pw"
        pwfile.write_text(cluster.superuser_password + "\n")
        os.chmod(pwfile, 0o600)
        if run_as is not None:
            entry = pwd.getpwnam(run_as)
            for path in (certs_dir, certs.server_cert, certs.server_key, pwfile):
                os.chown(path, entry.pw_uid, entry.pw_gid)
            os.chmod(certs_dir, 0o755)
            cluster.data.mkdir(mode=0o700)
            os.chown(cluster.data, entry.pw_uid, entry.pw_gid)
            os.chown(folder, entry.pw_uid, entry.pw_gid)  # the server writes its log here
        cluster._run([find_binary("initdb") or "initdb", "-D", str(cluster.data), "-U", SUPERUSER,
                      "--pwfile", str(pwfile), "--auth", "scram-sha-256", "-E", "UTF8", "--no-locale",
                      "--no-sync"])
        pwfile.unlink()
        (cluster.data / "pg_hba.conf").write_text(
            "# TLS only, SCRAM-SHA-256 only: no local socket, no host (plain) lines, no trust.\n"
            "hostssl all all 127.0.0.1/32 scram-sha-256\n"
        )
        with open(cluster.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(
                f"\nlisten_addresses = '127.0.0.1'\nport = {cluster.port}\nunix_socket_directories = ''\n"
                f"ssl = on\nssl_cert_file = '{certs.server_cert}'\nssl_key_file = '{certs.server_key}'\n"
                "ssl_min_protocol_version = 'TLSv1.2'\npassword_encryption = 'scram-sha-256'\n"
                "max_connections = 120\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
            )
        if run_as is not None:
            entry = pwd.getpwnam(run_as)
            for name in ("pg_hba.conf", "postgresql.conf"):
                os.chown(cluster.data / name, entry.pw_uid, entry.pw_gid)
        cluster.start()
        return cluster

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
