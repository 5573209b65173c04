"""Views of the customer registry (thin: parse, call a service or selector, render)."""
