"""Keeps the garbage collector's full collections short in an app server's worker.

A full collection walks every object the collector tracks. Most of a worker's
objects live as long as the process: modules, models, and what Django loads on
first use (compiled templates, URL patterns, catalogues). Left among the
collector's generations, they made each full collection a pause of about
12 ms in the middle of some request: the uncached exhibition page's p99 was
twice its p50 (bench/RESULTS.md). `gc.freeze()` moves the objects alive at
that moment out of the collector's sight; they are still freed by reference
counting, only cycles among them would outlive their use.

Templates and URL patterns load as pages are first asked for, so the worker
freezes what it holds after its 1st, 10th, 100th and 1,000th request, each
time after a collection, and after the response has gone out.
"""

import gc
import itertools

from django.core.signals import request_finished

FREEZE_AFTER = frozenset({1, 10, 100, 1000})

_served = itertools.count(1)


def _freeze_after_warm_up(sender, **kwargs):
    if next(_served) in FREEZE_AFTER:
        gc.collect()
        gc.freeze()


def freeze_as_the_process_warms():
    """Called by the WSGI entry point: app servers only, not tests or runserver."""
    request_finished.connect(_freeze_after_warm_up, dispatch_uid="gc-freeze")
