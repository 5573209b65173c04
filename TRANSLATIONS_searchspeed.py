"""No new user-visible strings on branch searchspeed (search speed: SQL, selectors, bench)."""

T: dict[str, str] = {}
