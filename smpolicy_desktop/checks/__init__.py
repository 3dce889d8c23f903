"""The risk and completeness checks: sentences that could get the owner into trouble (with a
safer wording), pieces the policy is missing, and how complete each area is.

Import each name from its module (check_project from policy_check, CheckFacts from facts...):
the package itself imports nothing, so what the window takes from it as it starts (the facts,
a finding) does not load the checker's rules, which run in the checker process.
"""
