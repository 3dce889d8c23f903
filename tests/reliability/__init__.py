"""Reliability: faults injected on purpose (kills, bad files, full disks, hostile text).

Each test here proves that no work is lost and every problem is answered in plain words.
"""
