"""Destructive actions are confirmed: the page script asks in a <dialog> and sends
`confirmed=1`; without the script the action answers with a page that asks the same question
and posts the same fields again, confirmed. One helper, so every destructive view behaves alike."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

CONFIRMED_FIELD = "confirmed"


def confirmation_page(
    request: HttpRequest, *, question: str, button: str, cancel_url: str, detail: str = ""
) -> HttpResponse | None:
    """None once the person confirmed; otherwise the page that asks (nothing changed yet)."""
    if request.POST.get(CONFIRMED_FIELD) == "1":
        return None
    fields = [
        (name, value)
        for name in request.POST
        if name not in {"csrfmiddlewaretoken", CONFIRMED_FIELD}
        for value in request.POST.getlist(name)
    ]
    context = {
        "question": question,
        "detail": detail,
        "button": button,
        "cancel_url": cancel_url,
        "fields": fields,
        "action": request.get_full_path(),
    }
    return render(request, "core/confirm.html", context)
