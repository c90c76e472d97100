"""Demo data for the employer portal: employer users at the employers NAV has presented
candidates to, their assessments, a message thread and a reported recruitment need. Safe to
run again: it creates only what is missing."""

from django.db.models import Count

from accounts.models import Role, User
from candidates.models import EmployerAssessment, ShortlistEntry, Step
from candidates.selectors.pipeline import employer_entries
from candidates.services.assessment import assessment_set
from devdata.demo.accounts import DEMO_PASSWORD
from employers.models import Employer, JobOpening, Occupation
from employers.services.openings import opening_report
from portal.messages import message_send
from portal.models import Message
from portal.services import terms_accept

EMPLOYERS = 3
GROUP_USER_EMAIL = "konsern@demo.no"
# The assessments the employers have made, in turn; "til vurdering" is what is left unset.
ASSESSMENTS = [
    (EmployerAssessment.Status.RELEVANT, ""),
    (EmployerAssessment.Status.NOT_RELEVANT, "Vi trenger noen med førerkort klasse B."),
    (EmployerAssessment.Status.ASSESSING, ""),
]
NEED = {
    "title": "Kjøkkenassistent, morgenskift",
    "positions": 2,
    "start_date": None,
    "description": "Forberede frokost og lunsj, oppvask og rydding i et travelt hotellkjøkken.",
    "requirements_must": "Møte presis kl. 06.00. Kunne stå store deler av dagen.",
    "adaptations": "Vi kan starte med kortere dager og gi opplæring på kjøkkenet.",
}


def seed() -> str:
    employers = _employers_with_candidates()
    users = [_user_for(employer, index) for index, employer in enumerate(employers)]
    assessed = sum(_assess(user) for user in users)
    messages = sum(_conversation(user) for user in users)
    needs = _reported_need(users[0]) if users else 0
    group = _group_user()
    return (
        f"{len(users)} employer users, {assessed} assessments, {messages} messages, "
        f"{needs} reported needs, {group} user granted two sub-units"
    )


def _group_user() -> int:
    """A manager at a main unit granted two of its sub-units, who picks which one they act
    for, and who is the employer's portal administrator."""
    if User.objects.filter(email=GROUP_USER_EMAIL).exists():
        return 0
    main = (
        Employer.objects.annotate(units=Count("sub_units"))
        .filter(units__gte=2)
        .order_by("orgnr")
        .first()
    )
    if main is None:
        return 0
    user = User.objects.create_user(
        GROUP_USER_EMAIL,
        DEMO_PASSWORD,
        role=Role.EMPLOYER_USER,
        employer=main,
        first_name="Kari",
        last_name="Konsern",
        is_employer_admin=True,
    )
    user.employer_units.set(main.sub_units.order_by("orgnr")[:2])
    terms_accept(user=user)
    return 1


def _employers_with_candidates() -> list[Employer]:
    presented = (
        ShortlistEntry.objects.filter(step__in=[Step.PRESENTED, Step.INTERVIEW_WANTED])
        .values("shortlist__opening__employer")
        .annotate(n=Count("id"))
        .order_by("-n", "shortlist__opening__employer")
    )
    ids = [row["shortlist__opening__employer"] for row in presented[:EMPLOYERS]]
    with_login = User.objects.filter(role=Role.EMPLOYER_USER, employer_id__in=ids)
    first = set(with_login.values_list("employer_id", flat=True))
    ids.sort(key=lambda pk: pk not in first)
    return list(Employer.objects.filter(pk__in=ids).select_related("fixed_contact"))


def _user_for(employer: Employer, index: int) -> User:
    existing = User.objects.filter(role=Role.EMPLOYER_USER, employer=employer).first()
    if existing is not None:
        return existing
    user = User.objects.create_user(
        f"leder{index + 1}@demo.no",
        DEMO_PASSWORD,
        role=Role.EMPLOYER_USER,
        employer=employer,
        first_name=["Hanne", "Per", "Aisha"][index % 3],
        last_name="Leder",
    )
    # The main demo login accepts the terms itself; the other employers have used the portal.
    terms_accept(user=user)
    return user


def _assess(user: User) -> int:
    # Once per user: a second seed_demo must not assess the candidates left "til vurdering".
    if EmployerAssessment.objects.filter(updated_by=user).exists():
        return 0
    done = 0
    entries = employer_entries(user).filter(employer_assessment__updated_by=None)
    for index, entry in enumerate(entries):
        status, reason = ASSESSMENTS[index % len(ASSESSMENTS)]
        if entry.step == Step.HIRED:
            status, reason = EmployerAssessment.Status.GOT_JOB, ""
        if status != EmployerAssessment.Status.ASSESSING:
            assessment_set(entry=entry, actor=user, status=status, reason=reason)
            done += 1
    return done


def _conversation(user: User) -> int:
    employer = user.employer
    if employer.fixed_contact is None or Message.objects.filter(thread__employer=employer).exists():
        return 0
    message_send(
        employer=employer,
        author=user,
        body="Hei! Vi får flere gjester i sommer. Kan vi ta en prat om nye folk i mai?",
    )
    message_send(
        employer=employer,
        author=employer.fixed_contact,
        body="Så bra! Jeg ringer deg på torsdag, så finner vi et tidspunkt.",
    )
    return 2


def _reported_need(user: User) -> int:
    if JobOpening.objects.filter(reported_by=user).exists():
        return 0
    occupation = Occupation.objects.filter(level=Occupation.Level.UNIT_GROUP, code="9412").first()
    if occupation is None or user.employer.fixed_contact is None:
        return 0
    opening_report(employer=user.employer, actor=user, occupation=occupation, **NEED)
    return 1
