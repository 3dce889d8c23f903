"""Bad input as a careless owner or a hand-edited file gives it: a plain message, no traceback,
and nothing on disk changed or made under a misleading name."""

import json

import pytest

from smpolicy_desktop.storage import FORMAT, ProjectFileError, load_project


@pytest.mark.parametrize("version", [1, 2, 3])
@pytest.mark.parametrize("country", [["United States"], {"name": "United States"}])
def test_an_old_file_whose_country_is_not_text_is_refused_plainly(tmp_path, version, country):
    """Schema 3 and before kept the country as typed text; a list or an object there (a file
    edited by hand, or by another tool) raised TypeError: unhashable type, a traceback."""
    path = tmp_path / "old.smpolicy"
    path.write_text(json.dumps({"format": FORMAT, "schema_version": version, "project": {
        "company": {"name": "Old Co", "country": country, "state": "Ohio"}}}))
    before = path.read_bytes()
    with pytest.raises(ProjectFileError) as error:
        load_project(path)
    assert error.value.reason.startswith("Company > Country: ")
    assert path.read_bytes() == before
