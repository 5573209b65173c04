"""Atende: customer relationship, service desk and billing for Brazilian SMEs."""
