"""Password reset by e-mail."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_password_reset_sends_a_link_that_sets_a_new_password(client, member, mailoutbox):
    client.post(reverse("auth:password_reset"), {"email": member.user.email})

    assert len(mailoutbox) == 1
    link = next(line for line in mailoutbox[0].body.splitlines() if "/senha/definir/" in line)
    form_page = client.get(link.split("testserver", 1)[1], follow=True)
    assert form_page.status_code == 200
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Nova-senha-forte-42", "new_password2": "Nova-senha-forte-42"},
    )
    member.user.refresh_from_db()
    assert member.user.check_password("Nova-senha-forte-42")


def test_password_reset_for_unknown_email_sends_nothing_and_looks_the_same(client, mailoutbox):
    response = client.post(reverse("auth:password_reset"), {"email": "ninguem@example.com"})
    assert response["Location"] == reverse("auth:password_reset_done")
    assert mailoutbox == []
