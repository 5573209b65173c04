"""Billing (B1, B4–B8): bank accounts, invoices and boletos, batch emission, settlement from
the banks' return files, plans and subscriptions, reminders, card payments — on top of the
pure-Python banking core (`atende.banking`)."""
