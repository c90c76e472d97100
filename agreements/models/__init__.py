from .agreement import (
    Agreement,
    AgreementEvent,
    AgreementTemplate,
    ContactPeriod,
    CountySigningPolicy,
)
from .meetings import FollowUpMeeting, RecruitmentNeed, Reminder

__all__ = [
    "Agreement",
    "AgreementEvent",
    "AgreementTemplate",
    "ContactPeriod",
    "CountySigningPolicy",
    "FollowUpMeeting",
    "RecruitmentNeed",
    "Reminder",
]
