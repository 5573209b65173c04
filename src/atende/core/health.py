"""`/healthz`: the process is up and serving requests (container and load-balancer probes).

First in MIDDLEWARE, because a probe reaches the process by its internal address over plain HTTP:
the answer comes before the host check (`ALLOWED_HOSTS`) and the HTTPS redirect would refuse
it. It reads no database and says nothing but "ok". ("healthz" is a reserved organization slug.)
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

HEALTH_PATH = "/healthz"


class HealthCheckMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == HEALTH_PATH and request.method in {"GET", "HEAD"}:
            response = HttpResponse(b"ok", content_type="text/plain; charset=utf-8")
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
