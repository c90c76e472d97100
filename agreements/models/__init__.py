from .agreement import (
    Agreement,
    AgreementTemplate,
    ContactPeriod,
    CountySigningPolicy,
)
from .meetings import FollowUpMeeting, RecruitmentNeed, Reminder

__all__ = [
    "Agreement",
    "AgreementTemplate",
    "ContactPeriod",
    "CountySigningPolicy",
    "FollowUpMeeting",
    "RecruitmentNeed",
    "Reminder",
]
