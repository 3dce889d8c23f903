"""The app never opens a network connection: not to load, edit, render, export or check.

The session-wide socket guard (tests/conftest.py) is switched to strict mode, where even
creating a socket is refused and recorded.
"""

from __future__ import annotations

import socket

import pytest

from smpolicy_desktop.checks.policy_check import check_project
from smpolicy_desktop.document import to_html, to_markdown
from smpolicy_desktop.render import render_document
from smpolicy_desktop.storage import load_project, save_project
from smpolicy_desktop.workspace import Workspace
from tests.conftest import EXAMPLE
from tests.reliability.network import NetworkUsed


def test_load_edit_render_export_and_check_open_no_socket(network_guard, tmp_path):
    with network_guard.strict_mode() as attempts:
        project = load_project(EXAMPLE)
        project.company.name = "Offline Ltd <img src='http://example.com/x.png'>"
        project.presence.goals = [*project.presence.goals, "See https://example.com/track"]
        for kind in ("full", "short"):
            document = render_document(project, kind)
            to_html(document), to_html(document, standalone=True), to_markdown(document)
        for name in ("policy.docx", "policy.html", "policy.md"):
            Workspace(project).export(tmp_path / name)
        check_project(project)
        save_project(project, tmp_path / "policy.smpolicy")
        save_project(project, tmp_path / "policy.smpolicy")
    assert attempts == []


def test_strict_guard_refuses_and_records_any_socket(network_guard):
    with network_guard.strict_mode() as attempts, pytest.raises(NetworkUsed):
        socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    assert len(attempts) == 1


@pytest.mark.parametrize("reach_out", [
    lambda: socket.create_connection(("192.0.2.1", 80), timeout=1),
    lambda: socket.getaddrinfo("example.com", 443),
    lambda: _with_socket(socket.AF_INET, "connect", ("198.51.100.7", 443)),
    lambda: _with_socket(socket.AF_INET6, "connect_ex", ("2001:db8::1", 443, 0, 0)),
])
def test_guard_refuses_the_network_for_every_test(reach_out):
    with pytest.raises(NetworkUsed):
        reach_out()


def _with_socket(family: int, method: str, address: tuple) -> None:
    with socket.socket(family) as sock:
        getattr(sock, method)(address)


def test_guard_lets_tests_use_loopback():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        with socket.create_connection(server.getsockname(), timeout=5):
            pass
