#!/usr/bin/env bash
# Sign (and on macOS notarise) what packaging/build.py --sign built, before it is archived and checksummed.
# Skips cleanly — exit 0 with a note — when its secrets are not set, so forks and local builds produce unsigned
# artifacts (README "Install" says what users see then).
#
#   bash packaging/sign.sh windows FILE.exe ...   needs WINDOWS_CERT_PFX (base64 of a .pfx code-signing certificate)
#                                                 and WINDOWS_CERT_PASSWORD; uses signtool from the Windows SDK
#   bash packaging/sign.sh macos-app APP          needs MACOS_CERT_P12 (base64 .p12), MACOS_CERT_PASSWORD and
#                                                 MACOS_SIGN_IDENTITY ("Developer ID Application: …")
#   bash packaging/sign.sh macos-dmg DMG          signs the .dmg and, with APPLE_ID, APPLE_TEAM_ID and
#                                                 APPLE_APP_PASSWORD (app-specific password), notarises and staples it
set -euo pipefail
mode=${1:?usage: sign.sh windows|macos-app|macos-dmg FILE...}
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

macos_keychain() {  # a throw-away keychain holding the Developer ID certificate; prints its path
  local keychain="$work/signing.keychain-db"
  security create-keychain -p ci "$keychain"
  security set-keychain-settings -lut 3600 "$keychain"
  security unlock-keychain -p ci "$keychain"
  printf '%s' "$MACOS_CERT_P12" | base64 --decode > "$work/cert.p12"
  security import "$work/cert.p12" -k "$keychain" -P "$MACOS_CERT_PASSWORD" -T /usr/bin/codesign >&2
  security set-key-partition-list -S apple-tool:,apple: -s -k ci "$keychain" >/dev/null
  # shellcheck disable=SC2046
  security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
  echo "$keychain"
}

case "$mode" in
windows)
  if [ -z "${WINDOWS_CERT_PFX:-}" ]; then
    echo "sign.sh: WINDOWS_CERT_PFX not set; $* stay unsigned (SmartScreen will warn on first start)"
    exit 0
  fi
  printf '%s' "$WINDOWS_CERT_PFX" | base64 -d > "$work/cert.pfx"
  signtool=$(command -v signtool || ls "/c/Program Files (x86)/Windows Kits/10/bin/"*/x64/signtool.exe | tail -1)
  for file in "$@"; do
    "$signtool" sign /f "$work/cert.pfx" /p "$WINDOWS_CERT_PASSWORD" /fd sha256 /tr http://timestamp.digicert.com \
      /td sha256 "$file"
  done
  ;;
macos-app | macos-dmg)
  if [ -z "${MACOS_CERT_P12:-}" ] || [ -z "${MACOS_SIGN_IDENTITY:-}" ]; then
    echo "sign.sh: MACOS_CERT_P12/MACOS_SIGN_IDENTITY not set; $* stay unsigned (Gatekeeper asks: right-click → Open)"
    exit 0
  fi
  keychain=$(macos_keychain)
  for target in "$@"; do
    if [ "$mode" = macos-app ]; then
      codesign --force --deep --options runtime --timestamp --keychain "$keychain" --sign "$MACOS_SIGN_IDENTITY" \
        "$target"
      codesign --verify --deep --strict "$target"
      continue
    fi
    codesign --force --timestamp --keychain "$keychain" --sign "$MACOS_SIGN_IDENTITY" "$target"
    if [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
      xcrun notarytool submit "$target" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" --wait
      xcrun stapler staple "$target"
    else
      echo "sign.sh: APPLE_ID/APPLE_TEAM_ID/APPLE_APP_PASSWORD not set; $target is signed but not notarised"
    fi
  done
  ;;
*)
  echo "sign.sh: unknown mode $mode (windows, macos-app or macos-dmg)" >&2
  exit 1
  ;;
esac
