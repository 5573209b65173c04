"""Test helpers that run real outside parts: an SMTP server, a Celery worker."""
