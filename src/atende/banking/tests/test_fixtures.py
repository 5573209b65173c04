"""The shared fixtures are found beside the clone, and their absence skips with the reason."""

import pytest

from atende.banking.tests import fixtures


def test_fixtures_folder_is_beside_the_clone():
    folder = fixtures.FIXTURES
    assert folder == fixtures.REPO_ROOT.parent / "shared" / "banking-fixtures"
    assert (fixtures.REPO_ROOT / "pyproject.toml").is_file()


def test_missing_fixtures_skip_with_the_reason(monkeypatch, tmp_path):
    monkeypatch.setattr(fixtures, "FIXTURES", tmp_path / "absent")
    with pytest.raises(pytest.skip.Exception, match="shared/banking-fixtures not found beside"):
        fixtures.require_fixtures()
