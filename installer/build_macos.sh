#!/bin/sh
# Build ecdesk for macOS: dist/ecdesk.app, then dist/ecdesk-VERSION.dmg (drag to Applications).
# Needs Python 3.11 or newer (python.org or Homebrew) and Xcode's command line tools (hdiutil,
# codesign). Builds for the Mac it runs on (Apple silicon or Intel). Run: sh installer/build_macos.sh
set -eu
cd "$(dirname "$0")/.."

# The development environment (.venv) with PyInstaller, made or updated by bootstrap.py.
python3 -c "import bootstrap; bootstrap.ensure_environment(True)"
.venv/bin/python installer/build.py
# The bundle must start before it is packed (the executable inside the .app is the same).
dist/ecdesk.app/Contents/MacOS/ecdesk --selftest

VERSION=$(.venv/bin/python -c "import ecdesk; print(ecdesk.__version__)")
DMG="dist/ecdesk-$VERSION.dmg"
STAGE=build/dmg
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
ditto dist/ecdesk.app "$STAGE/ecdesk.app"  # ditto keeps the bundle's links and signature
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "ecdesk $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO "$DMG"
rm -rf "$STAGE"
echo "Disk image: $DMG"
