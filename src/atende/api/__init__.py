"""The REST API root: one NinjaAPI that mounts each app's router; nothing else.

May import any app's `api` module (top layer).
"""
