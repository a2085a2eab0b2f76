#!/bin/sh
# Put sfjwt-gui in the desktop's application menu and `sfjwt` on the PATH, for this user, from the unpacked folder.
#   ./install-desktop-entry.sh            install (run it from the unpacked sfjwt-gui-VERSION-linux-ARCH folder)
#   ./install-desktop-entry.sh --remove   take the menu entry, icons and links away again (the folder stays)
# Writes only files of ours: ~/.local/share/applications/sfjwt-gui.desktop, the icons under ~/.local/share/icons and
# the links ~/.local/bin/sfjwt and ~/.local/bin/sfjwt-gui (an existing file there that is not our link is left alone).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
apps=$data/applications
icons=$data/icons/hicolor

link() {  # link TARGET NAME: replace NAME only if it is missing or already a symlink
  if [ -e "$2" ] && [ ! -L "$2" ]; then
    echo "left alone: $2 exists and is not a link (remove it to let sfjwt-gui put its link there)" >&2
    return 0
  fi
  ln -sfn "$1" "$2"
}

if [ "${1:-}" = "--remove" ]; then
  rm -f "$apps/sfjwt-gui.desktop"
  for png in "$here"/icons/sfjwt-gui-*.png; do
    size=$(basename "$png" .png | sed 's/.*-//')
    rm -f "$icons/${size}x${size}/apps/sfjwt-gui.png"
  done
  for name in sfjwt sfjwt-gui; do
    [ -L "$bin/$name" ] && rm -f "$bin/$name"
  done
  echo "removed the menu entry and links; delete $here to remove the app"
  exit 0
fi

[ -x "$here/sfjwt-gui" ] || { echo "run this from the unpacked sfjwt-gui folder (no $here/sfjwt-gui)" >&2; exit 1; }
mkdir -p "$apps" "$bin"
for png in "$here"/icons/sfjwt-gui-*.png; do
  size=$(basename "$png" .png | sed 's/.*-//')
  mkdir -p "$icons/${size}x${size}/apps"
  cp "$png" "$icons/${size}x${size}/apps/sfjwt-gui.png"
done
# the shipped entry with Exec pointing at this folder (quoted: the path may hold spaces)
sed -e "s|^Exec=sfjwt-gui|Exec=\"$here/sfjwt-gui\"|" -e "s|^TryExec=.*|TryExec=$here/sfjwt-gui|" \
  "$here/sfjwt-gui.desktop" > "$apps/sfjwt-gui.desktop.tmp"
mv "$apps/sfjwt-gui.desktop.tmp" "$apps/sfjwt-gui.desktop"
link "$here/sfjwt" "$bin/sfjwt"
link "$here/sfjwt-gui" "$bin/sfjwt-gui"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "installed: menu entry $apps/sfjwt-gui.desktop; commands $bin/sfjwt and $bin/sfjwt-gui"
case ":$PATH:" in *":$bin:"*) ;; *) echo "note: add $bin to your PATH to run sfjwt from a terminal" ;; esac
