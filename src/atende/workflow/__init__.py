"""Workflow: request groups and types, their ordered stages, extra fields and the rule of each
field at each stage (W1–W4). Generic: knows nothing of tickets (the desk attaches a ticket to a
type and a stage and asks the engine what is allowed).

Imports atende.accounts, atende.tenancy and atende.core (a stage's responsible area is a
foreign key to desk.Area by name only: no import).
"""
