"""Who publishes smpolicy and what its packages depend on: one definition for the PyInstaller
spec (Windows version resource), the NSIS installer and the Debian package.
"""

PUBLISHER = "The smpolicy project"
COPYRIGHT = f"Copyright (C) 2026 {PUBLISHER}"
SUMMARY = "Social media policy drafter"
DESCRIPTION = ("Draft a small business's social media policy, offline, and export it to Word.")

# The Debian package: what the bundle uses from the system (glibc 2.35 is Ubuntu 22.04's;
# the bundle leaves out libstdc++, libgcc_s, libexpat and libcups so that floor holds), and a
# font plus fontconfig, without which every letter is a box. The Wayland platform plugin links
# libwayland-client and libwayland-cursor (objdump -p): without them QT_QPA_PLATFORM=wayland
# ended the app before its window.
DEB_DEPENDS = ("libc6 (>= 2.35), libgl1, libegl1, libxcb1, libwayland-client0, "
               "libwayland-cursor0, fontconfig, libcups2, "
               "fonts-dejavu-core | fonts-liberation2 | fonts-noto-core")
