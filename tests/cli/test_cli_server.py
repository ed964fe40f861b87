# SPDX-License-Identifier: LicenseRef-Proprietary
"""The console script against a team server (issue 17, parts 2 and 6): ``server init`` and
``server add-user`` as the database owner, then import, export, sign-off, minutes, user list
and audit verify as people's own logins, each within the login's rights."""

from __future__ import annotations

import json
from pathlib import Path

import psycopg

from strategy_meeting.domain.roles import Role

from test_cli_store import run_cli

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "sd-example.json"
OWNER_PASSWORD = "owner passphrase"
LOGIN_PASSWORD = "a login passphrase for the cli"


def _write(path: Path, text: str) -> Path:
    path.write_text(text + "\n")
    path.chmod(0o600)
    return path


def test_set_up_and_work_on_a_team_server(pg_cluster, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, owner, owner_dsn_with_password = pg_cluster.new_database(OWNER_PASSWORD)
    owner_dsn = pg_cluster.dsn(owner, database)
    owner_pw = _write(tmp_path / "owner.pw", OWNER_PASSWORD)
    login_pw = _write(tmp_path / "login.pw", LOGIN_PASSWORD)

    r = run_cli("server", "init", "--dsn", owner_dsn, "--passphrase-file", str(owner_pw), passphrase=None)
    assert r.returncode == 0, r.stderr
    chair, rep, admin = pg_cluster.unique("chair"), pg_cluster.unique("rep"), pg_cluster.unique("admin")
    for name, role, extra in ((chair, Role.CHAIR, []), (rep, Role.AGENCY_REP, ["--agency", "HEALTH"]),
                              (admin, Role.ADMINISTRATOR, [])):
        r = run_cli("server", "add-user", name, "--role", role.value, *extra, "--new-passphrase-file", str(login_pw),
                    "--dsn", owner_dsn, "--passphrase-file", str(owner_pw), passphrase=None)
        assert r.returncode == 0, r.stderr

    def as_login(login: str, *args: str):  # type: ignore[no-untyped-def]
        return run_cli("--server", pg_cluster.dsn(login, database), "--passphrase-file", str(login_pw),
                       "--data-dir", str(tmp_path / login), *args, passphrase=None)

    r = as_login(chair, "import", str(EXAMPLE))
    assert r.returncode == 0, r.stderr
    reference = json.loads(EXAMPLE.read_text())["meeting"]["reference"]
    assert reference in r.stdout

    r = as_login(chair, "export", reference, "-o", str(tmp_path / "full.json"))
    assert r.returncode == 0, r.stderr
    full = json.loads((tmp_path / "full.json").read_text())["meeting"]

    r = as_login(chair, "minutes", reference, "--out", str(tmp_path / "draft"))
    assert r.returncode == 0, r.stderr
    assert any(p.suffix == ".pdf" for p in (tmp_path / "draft").iterdir())

    r = as_login(admin, "user", "list")
    assert r.returncode == 0 and chair in r.stdout and rep in r.stdout, r.stderr
    r = as_login(chair, "user", "list")
    assert r.returncode == 4  # the app's role check, as on a local store

    # The representative: their agency's copy only, and no chair's powers.
    r = as_login(rep, "export", reference, "-o", str(tmp_path / "rep.json"))
    assert r.returncode == 4 and "may not export" in r.stderr  # the app's check, as on a local store
    r = as_login(rep, "audit", "verify")
    assert r.returncode == 4 and "may not audit" in r.stderr

    # The login's name is not the example's recorded chair: the signer gives why (issue 14).
    why = ("--signer-reason", "The chair signs under their own team-server login.")
    r = as_login(chair, "sign-off", reference, "--acknowledge-warnings", *why)
    assert r.returncode == 0 and "now locked" in r.stdout, r.stderr
    r = as_login(chair, "sign-off", reference, "--acknowledge-warnings", *why)
    assert r.returncode != 0 and r.stderr.count("\n") == 1  # signed off once, on the server too
    r = as_login(rep, "list")
    assert r.returncode == 0 and reference in r.stdout, r.stderr

    # Signing stays on the desktop: the key is sealed in this computer's data folder under the
    # login's password, the server's row holds the certificate and an empty key.
    r = as_login(chair, "identity", "new", "--self-signed")
    assert r.returncode == 0, r.stderr
    r = as_login(chair, "minutes", reference, "--out", str(tmp_path / "signed"), "--sign")
    assert r.returncode == 0, r.stderr
    full_copy = next(p for p in (tmp_path / "signed").iterdir() if p.suffix == ".pdf" and "full" in p.name.lower())
    r = run_cli("verify", str(full_copy), passphrase=None)
    assert r.returncode == 0, r.stdout + r.stderr
    assert list((tmp_path / chair / "server-keys").glob("*/keys.json"))
    with psycopg.connect(owner_dsn_with_password) as conn:
        keys = conn.execute("SELECT length(private_key_pem), length(certificate_pem) FROM signing_identities").fetchall()
    assert keys and all(k == 0 and c > 0 for k, c in keys)
    # The chair sends each agency its signed copy (a folder here; SMTP works the same way).
    r = as_login(chair, "distribute", reference, "--copies", str(tmp_path / "signed"),
                 "--to-folder", str(tmp_path / "sent"))
    assert r.returncode == 0, r.stdout + r.stderr
    assert sorted(p.name for p in (tmp_path / "sent").glob("*.pdf")) == sorted(
        f"{reference}_{code}.pdf" for code in ("CSC", "EDU", "HEALTH", "POLICE"))
    # Another login on the same computer cannot sign with it: the key is sealed to the chair.
    r = as_login(admin, "minutes", reference, "--out", str(tmp_path / "by-admin"), "--sign")
    assert r.returncode != 0

    r = as_login(chair, "audit", "verify")
    assert r.returncode == 0 and "intact" in r.stdout, r.stdout + r.stderr

    # Everything the chair did is in the server's audit table under the chair's own login.
    with psycopg.connect(owner_dsn_with_password) as conn:
        logins = {row[0] for row in conn.execute("SELECT DISTINCT login FROM audit_events")}
    assert chair in logins and owner in logins
    assert full["reference"] == reference


def test_a_wrong_password_is_one_line(pg_cluster, tmp_path) -> None:  # type: ignore[no-untyped-def]
    database, owner, _ = pg_cluster.new_database(OWNER_PASSWORD)
    r = run_cli("--server", pg_cluster.dsn(owner, database), "audit", "verify", "--data-dir", str(tmp_path),
                passphrase="not the password")
    assert r.returncode == 3
    assert r.stderr.count("\n") == 1 and "refused the user name or password" in r.stderr


def test_a_weaker_tls_mode_is_refused_before_connecting(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = run_cli("--server", "postgresql://someone@127.0.0.1:1/db?sslmode=require", "audit", "verify",
                "--data-dir", str(tmp_path))
    assert r.returncode == 2 and "verify-full" in r.stderr
