"""History of applies, and rollback built from it.

Every apply leaves two files in the history folder (``.provisioner/history/`` by default):

- a *record* (``model.ApplyRecord``): when, which plan, which account, and what became of each
  change (done, failed, not attempted);
- a *snapshot* (``model.Snapshot``): the state of every object the apply touched, before and
  after, in desired-state terms (natural keys) with the raw live ids, plus the order of every
  ordered kind it changed.

``rollback`` turns a run of records back into a plan (``reverse.build_rollback``) that goes
through the same review, stale check and apply as any other plan. The modules:

+ location: where the history folder is (flag, environment variable, default).
+ store: reading and writing records and snapshots (0600 files, secrets masked).
+ capture: reading the state of what an apply touches, before and after it.
+ recorder: the apply observer that writes the record and snapshots as the apply runs
  (``provisioner.cli.commands_history.recorded`` wraps an apply command with it).
+ selection: which applies a rollback undoes and the state to return each object to.
+ overwrites: what changed since those applies, which rollback would overwrite.
+ reverse: the reverse plan itself; notes: what cannot be restored exactly.
"""
