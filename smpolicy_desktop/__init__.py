"""smpolicy: draft a small business's social media policy, offline.

The core package: model, storage, rendering and export, with no Qt anywhere in it.
"""

import os

# No pydantic plugins are used here; looking for them reads the metadata of every installed
# package when the first model is built (some 10 ms of each start). See also model.py.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

__version__ = "0.1.0"
APP_NAME = "smpolicy"
PROJECT_EXTENSION = ".smpolicy"  # here, not in storage, so the window frame needs no core
# What counsel's reply may come as: Word, and the formats a lawyer may save it in instead,
# which the reply's reader names, saying what to do.
REPLY_SUFFIXES = (".docx", ".doc", ".odt", ".rtf", ".pdf")
# The command line's commands (cli.COMMANDS runs them): here, so that main.py tells a command
# from a project to open without loading the command line (cli, argparse) for the window.
COMMAND_NAMES = ("presets", "new", "validate", "export", "import-review", "check")
