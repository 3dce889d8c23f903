"""smpolicy: draft a small business's social media policy, offline.

The core package: model, storage, rendering and export, with no Qt anywhere in it.
"""

__version__ = "0.1.0"
APP_NAME = "smpolicy"
PROJECT_EXTENSION = ".smpolicy"  # here, not in storage, so the window frame needs no core
