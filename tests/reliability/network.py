"""The test session's socket guard: the app must never open a network connection.

Installed for every test by tests/conftest.py. Unix sockets and loopback stay allowed (test
helpers may talk to their own local servers); in strict mode even opening a socket is refused.
Every refused attempt is recorded, so a test can prove nothing even tried.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
from collections.abc import Iterator
from typing import Any


class NetworkUsed(AssertionError):
    """Raised where the code under test tried to reach the network."""


def _is_local(host: Any) -> bool:
    if host in (None, "", "localhost", b"localhost"):
        return True
    try:
        return ipaddress.ip_address(host.decode() if isinstance(host, bytes) else host).is_loopback
    except ValueError:
        return False


class SocketGuard:
    """Patches socket's connecting and name-lookup functions for the whole session."""

    def __init__(self) -> None:
        self.strict = False
        self.attempts: list[str] = []

    def _refuse(self, what: str) -> None:
        self.attempts.append(what)
        raise NetworkUsed(f"the tests allow no network use: {what}")

    def _check_address(self, family: int, address: Any, what: str) -> None:
        local = family == getattr(socket, "AF_UNIX", None) or (
            isinstance(address, tuple) and _is_local(address[0]))
        if self.strict or not local:
            self._refuse(f"{what}({address!r})")

    def install(self, patch: Any) -> None:
        """Apply the patches through a pytest MonkeyPatch (undone at session end)."""
        guard = self
        real = {name: getattr(socket.socket, name) for name in ("__init__", "connect",
                                                                "connect_ex")}
        real_getaddrinfo, real_create = socket.getaddrinfo, socket.create_connection
        real_gethostbyname = socket.gethostbyname

        def init(sock, *args, **kwargs):
            if guard.strict:
                guard._refuse(f"socket{args!r}")
            real["__init__"](sock, *args, **kwargs)

        def connect(sock, address):
            guard._check_address(sock.family, address, "connect")
            return real["connect"](sock, address)

        def connect_ex(sock, address):
            guard._check_address(sock.family, address, "connect_ex")
            return real["connect_ex"](sock, address)

        def getaddrinfo(host, *args, **kwargs):
            if guard.strict or not _is_local(host):
                guard._refuse(f"getaddrinfo({host!r})")
            return real_getaddrinfo(host, *args, **kwargs)

        def create_connection(address, *args, **kwargs):
            if guard.strict or not _is_local(address[0]):
                guard._refuse(f"create_connection({address!r})")
            return real_create(address, *args, **kwargs)

        def gethostbyname(host):
            if guard.strict or not _is_local(host):
                guard._refuse(f"gethostbyname({host!r})")
            return real_gethostbyname(host)

        patch.setattr(socket.socket, "__init__", init)
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket.socket, "connect_ex", connect_ex)
        patch.setattr(socket, "getaddrinfo", getaddrinfo)
        patch.setattr(socket, "create_connection", create_connection)
        patch.setattr(socket, "gethostbyname", gethostbyname)

    @contextlib.contextmanager
    def strict_mode(self) -> Iterator[list[str]]:
        """Refuse and record every socket, even local ones; yields the attempts made inside."""
        outside, self.attempts, self.strict = self.attempts, [], True
        try:
            yield self.attempts
        finally:
            self.strict = False
            self.attempts = outside + self.attempts
