"""The risk and completeness checks: sentences that could get the owner into trouble (with a
safer wording), pieces the policy is missing, and how complete each area is.
"""

from .completeness import area_status
from .facts import CheckFacts
from .finding import SEVERITIES, Finding
from .policy_check import (
    apply_suggestion,
    check_document,
    check_project,
    check_text,
    user_texts,
)

__all__ = ["SEVERITIES", "CheckFacts", "Finding", "apply_suggestion", "area_status",
           "check_document", "check_project", "check_text", "user_texts"]
