"""Applies that survive: the journal, resuming an interrupted apply, and the account lock.

+ ``journal``: a durable record of each change before and after it is sent, with a copy of the
  plan, under ``.provisioner/journal/``.
+ ``settle``: whether a change sent without a clear answer is in the account.
+ ``lock``: one apply per account at a time; a lock left by a dead process is explained.
+ ``run``: a fresh apply and ``apply --resume``, each under the lock and with the journal.

This package's ``__init__`` imports nothing, so ``provisioner.apply`` can use ``settle``.
"""
