"""A test-only document kind whose rendering waits, so a test can kill its worker mid-PDF.

Installed only in the worker processes of tests/worker/test_faults.py (through
tests/worker/settings_slow.py) and registered in the test process by that test.
"""
