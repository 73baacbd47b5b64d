"""Benchmarks: run `make bench` (or `python -m bench`); they print figures and assert nothing."""
