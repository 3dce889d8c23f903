"""The reliability suite's summary: how many fuzz examples each kind of input got."""

from tests.reliability.fuzzing import examples_run


def pytest_terminal_summary(terminalreporter):
    if not examples_run:
        return
    terminalreporter.section("reliability: fuzz examples run")
    for kind, count in sorted(examples_run.items()):
        terminalreporter.write_line(f"{count:7d}  {kind}")
    terminalreporter.write_line(f"{sum(examples_run.values()):7d}  in total")
