"""PostgreSQL backend that carries the active organization into row-level security."""
