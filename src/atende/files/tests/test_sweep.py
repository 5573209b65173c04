"""Bytes no row points to (a caller rolled back) are removed once they are old enough."""

import os
import time
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from atende.files.policies import IMAGES, UploadPolicy, register_upload_policy
from atende.files.services import stored_file_create
from atende.files.sweep import stored_file_orphans_delete
from atende.files.tests import samples

pytestmark = pytest.mark.django_db

register_upload_policy(UploadPolicy("test_sweep", IMAGES))


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def _orphan(media, name, *, age_hours):
    path = media / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(samples.PNG)
    when = time.time() - age_hours * 3600
    os.utime(path, (when, when))
    return name


def _kept(admin_member, media):
    stored = stored_file_create(
        actor=admin_member, uploaded_file=samples.upload("a.png", samples.PNG), use="test_sweep"
    )
    when = time.time() - 48 * 3600
    os.utime(media / stored.file.name, (when, when))
    return stored.file.name


def test_old_orphans_go_and_everything_else_stays(admin_member, other_member, media):
    org, other = admin_member.organization_id, other_member.organization_id
    kept = _kept(admin_member, media)
    old = _orphan(media, f"org/{org}/test_sweep/2026/01/{'a' * 32}.png", age_hours=48)
    other_old = _orphan(media, f"org/{other}/test_sweep/2026/01/{'b' * 32}.png", age_hours=48)
    young = _orphan(media, f"org/{org}/test_sweep/2026/01/{'c' * 32}.png", age_hours=1)

    deleted = stored_file_orphans_delete(older_than=timedelta(hours=24))

    assert sorted(deleted) == sorted([old, other_old])
    assert (media / kept).exists() is True
    assert (media / young).exists() is True


def test_nothing_stored_yet_deletes_nothing(media):
    assert stored_file_orphans_delete() == []


def test_the_command_reports_the_count(admin_member, media):
    _orphan(media, f"org/{admin_member.organization_id}/x/2026/01/{'d' * 32}.png", age_hours=30)
    out = StringIO()
    call_command("files_orphans_delete", "--hours", "24", stdout=out)
    assert out.getvalue() == "1 arquivo(s) sem registro apagado(s).\n"
