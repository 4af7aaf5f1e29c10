"""Build benchmarks: a synthetic archive generator and a runner (``python -m benchmarks.run``)."""
