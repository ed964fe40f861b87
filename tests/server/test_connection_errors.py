# SPDX-License-Identifier: LicenseRef-Proprietary
"""Each way a connection to the team server fails is its own domain error with its own words
(issue 17: the wizard says which, and focuses the field to mend), mapped from libpq in the store
layer; and the desktop app's saved connection holds no password."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

import pg_cluster as pgc
from strategy_meeting.domain import errors
from strategy_meeting.domain.roles import Role
from strategy_meeting.services import team_server
from team_support import LOGIN_PASSWORD


def _connection(team, name: str, **changes) -> team_server.ServerConnection:  # type: ignore[no-untyped-def]
    fields = {"host": team.cluster.host, "database": team.database, "login": name,
              "ca_file": team.cluster.certs.ca_file, "port": team.cluster.port, **changes}
    return team_server.ServerConnection(**fields)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_each_failure_is_its_own_error(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    login = team.add("chair", Role.CHAIR)
    data_dir = tmp_path / "app"

    def refused(kind: type[Exception], password: str = LOGIN_PASSWORD, **changes) -> str:  # type: ignore[no-untyped-def]
        with pytest.raises(kind) as caught:
            team_server.connect(data_dir, _connection(team, login, **changes), password)
        text = str(caught.value)
        assert password not in text
        return text

    assert "refused the user name or password" in refused(errors.ServerLoginRefused, "wrong password")
    assert "refused the user name or password" in refused(errors.ServerLoginRefused, login="nobody_here")
    other = pgc.TestCertificates.make(_made(tmp_path / "other"))
    assert "not trusted" in refused(errors.ServerCertificateRejected, ca_file=other.ca_file)
    assert "nothing answered at 127.0.0.1" in refused(errors.ServerUnreachable, port=_free_port())
    assert "not a Strategy Meeting team server" in refused(errors.NotATeamServer, database="postgres")
    assert "no database 'not_there'" in refused(errors.ServerUnavailable, database="not_there")
    text_file = tmp_path / "ca.pem"
    text_file.write_text("not a certificate\n")
    assert "is not a certificate" in refused(errors.NotACertificate, ca_file=text_file)
    assert "does not exist" in refused(errors.NotACertificate, ca_file=tmp_path / "missing.pem")
    assert "Type the team server's host" in refused(errors.InvalidInput, host="")
    assert not data_dir.exists() or not (data_dir / team_server.CONNECTION_FILE).exists()


def test_a_certificate_for_another_host_name_is_refused_by_name(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    login = team.add("chair", Role.CHAIR)
    # The server's certificate names localhost and 127.0.0.1; reach the same address by another name.
    dsn = (f"host=db.example.org hostaddr=127.0.0.1 port={team.cluster.port} dbname={team.database} "
           f"user={login} sslrootcert={team.cluster.certs.ca_file}")
    with pytest.raises(errors.ServerCertificateRejected, match="does not name the host 'db.example.org'"):
        team_server.open_session(dsn, LOGIN_PASSWORD, tmp_path)


def test_the_saved_connection_holds_no_password_and_reads_back(team, tmp_path) -> None:  # type: ignore[no-untyped-def]
    login = team.add("chair", Role.CHAIR)
    data_dir = tmp_path / "app"
    ctx, actor = team_server.connect(data_dir, _connection(team, login), LOGIN_PASSWORD)
    ctx.close()
    assert actor.name == login
    assert team_server.saved_connection(data_dir) is None  # connecting alone saves nothing
    team_server.save_connection(data_dir, _connection(team, login))
    saved = team_server.saved_connection(data_dir)
    assert saved == _connection(team, login, ca_file=data_dir / team_server.CA_COPY)
    for name in (team_server.CONNECTION_FILE, team_server.CA_COPY):
        path = data_dir / name
        assert LOGIN_PASSWORD.encode() not in path.read_bytes()
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # The copy is what the app uses: the file the user chose may go.
    ctx, _actor = team_server.open_session(saved.address(), LOGIN_PASSWORD, data_dir)
    ctx.close()
    # A damaged file is no connection (the wizard asks again), not a crash.
    (data_dir / team_server.CONNECTION_FILE).write_text("{not json")
    assert team_server.saved_connection(data_dir) is None
    (data_dir / team_server.CONNECTION_FILE).write_text(json.dumps({"format": "something else"}))
    assert team_server.saved_connection(data_dir) is None


def test_local_only_features_say_why_on_a_server_only(team_chair, ctx) -> None:  # type: ignore[no-untyped-def]
    server_ctx, _chair = team_chair
    for feature in team_server.LocalOnly:
        assert team_server.not_on_server(feature, ctx) is None
        assert team_server.not_on_server(feature, server_ctx)
    assert "administrator" in team_server.not_on_server(team_server.LocalOnly.RECOVERY_KEY, server_ctx)


def test_no_exit_backup_is_tried_on_a_server(team_chair) -> None:  # type: ignore[no-untyped-def]
    from strategy_meeting.services import backup

    server_ctx, chair = team_chair
    assert backup.backup_if_due(server_ctx, chair) is None


def _made(path: Path) -> Path:
    path.mkdir(parents=True)
    return path
