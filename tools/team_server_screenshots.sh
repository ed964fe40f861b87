#!/usr/bin/env bash
# SPDX-License-Identifier: LicenseRef-Proprietary
# Copyright (c) 2026 Strategy Meeting contributors
# Drive the real app's "Connect to a team server" path by keyboard only and take screenshots
# (docs/screenshots/team-server-*.png). Needs an X display with a window manager, xdotool,
# ImageMagick's import, and a running sandbox server:
#   Xvfb :97 -screen 0 1280x800x24 & DISPLAY=:97 openbox &
#   PYTHONPATH=src python tools/team_server_sandbox.py --ready-file /tmp/sandbox.json &
#   DISPLAY=:97 bash tools/team_server_screenshots.sh /tmp/sandbox.json [OUT_DIR]
set -euo pipefail
READY=${1:?give the sandbox ready file}
OUT=${2:-docs/screenshots}
PY=${PYTHON:-python}
field() { "$PY" -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$READY" "$1"; }
HOST=$(field host); PORT=$(field port); DB=$(field database); PASSWORD=$(field password)
WORK=$(mktemp -d); mkdir -p "$WORK/Downloads"
CA="$WORK/Downloads/strategy-ca.pem"; cp "$(field ca_file)" "$CA"
"$PY" - "$WORK/Downloads/other-ca.pem" <<'PYEOF'
import datetime as dt, sys
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
now = dt.datetime.now(dt.UTC)
key = ec.generate_private_key(ec.SECP256R1())
name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Some other CA")])
cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True).sign(key, hashes.SHA256()))
open(sys.argv[1], "wb").write(cert.public_bytes(serialization.Encoding.PEM))
PYEOF
APP_DIR="$WORK/app"
shot() { sleep "${2:-1}"; import -window root "$OUT/team-server-$1.png"; }
keys() { xdotool key --delay 60 "$@"; }
type_text() { xdotool type --delay 25 "$1"; }
start_app() { "$PY" -m strategy_meeting.main --data-dir "$APP_DIR" >"$WORK/app.log" 2>&1 & APP=$!; sleep 6; }

start_app
keys alt+t; shot 1-welcome 0.5
keys Return; sleep 1
type_text "$HOST"; keys Tab; type_text "$PORT"; keys Tab; type_text "$DB"; keys Tab; type_text chair_a
keys Tab; type_text "$WORK/Downloads/other-ca.pem"; keys Tab Tab; type_text "$PASSWORD"
shot 2-server-page 0.5
keys Return; shot 3-untrusted-ca 4
keys alt+i ctrl+a; type_text "$CA"; keys alt+w ctrl+a; type_text "not the password"
keys Return; shot 4-wrong-password 4
keys ctrl+a; type_text "$PASSWORD"; keys Return; shot 5-connected 8
keys ctrl+q; sleep 3; wait "$APP" || true
start_app; shot 6-unlock 0.5
keys alt+l ctrl+a; type_text police_rep; keys alt+p; type_text "$PASSWORD"; keys Return
shot 7-representative 8
keys ctrl+q; sleep 3; wait "$APP" || true
echo "saved connection: $(cat "$APP_DIR/team-server.json")"
rm -rf "$WORK"
