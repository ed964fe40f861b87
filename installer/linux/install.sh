#!/usr/bin/env bash
# SPDX-License-Identifier: LicenseRef-Proprietary
# Install the built bundle (dist/strategy-meeting) with its menu entry and icon.
#   sudo bash installer/linux/install.sh            # for everyone: /opt, /usr/local
#   bash installer/linux/install.sh --user          # for the current user only: ~/.local
# Uninstall by removing the same three places (printed at the end). User data is never touched:
# it lives in ~/.local/share/StrategyMeeting.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bundle="$root/dist/strategy-meeting"
[ -x "$bundle/strategy-meeting" ] || { echo "No bundle in $bundle: run 'python installer/build.py' first." >&2; exit 2; }

if [ "${1:-}" = "--user" ]; then
  prefix="$HOME/.local"; app_dir="$HOME/.local/opt/strategy-meeting"
else
  prefix="/usr/local"; app_dir="/opt/strategy-meeting"
fi
bin_dir="$prefix/bin"; share="$prefix/share"

rm -rf "$app_dir.new"
mkdir -p "$(dirname "$app_dir")" "$bin_dir" "$share/applications" "$share/icons/hicolor/scalable/apps" \
         "$share/icons/hicolor/256x256/apps" "$share/icons/hicolor/48x48/apps"
cp -a "$bundle" "$app_dir.new"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"
ln -sf "$app_dir/strategy-meeting" "$bin_dir/strategy-meeting"
install -m 644 "$here/strategy-meeting.desktop" "$share/applications/strategy-meeting.desktop"
install -m 644 "$root/resources/icons/strategy-meeting.svg" "$share/icons/hicolor/scalable/apps/strategy-meeting.svg"
install -m 644 "$root/resources/icons/strategy-meeting-256.png" "$share/icons/hicolor/256x256/apps/strategy-meeting.png"
install -m 644 "$root/resources/icons/strategy-meeting-48.png" "$share/icons/hicolor/48x48/apps/strategy-meeting.png"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "Installed: $app_dir, $bin_dir/strategy-meeting, $share/applications/strategy-meeting.desktop (+ icons)."
