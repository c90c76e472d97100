"""Issue 13, item 2, for the step form: a refused next step ("Vi ansetter ikke kandidaten"
without a reason) comes back on that candidate's card with the choice kept and the error next
to the field, not at the top of the page; the other cards keep nothing chosen."""

import pytest
from django.urls import reverse

from candidates.models import Step
from candidates.services.pipeline import entry_move

pytestmark = pytest.mark.django_db


def _card(page: str, entry) -> str:
    card = page[page.index(f'id="kandidat-{entry.pk}"') :]
    return card[: card.index("</article>")]


def test_a_refused_step_comes_back_on_its_card_with_the_choice_kept(login, accepted, presented):
    other = presented()
    entry = presented()
    for step in (Step.INTERVIEW_WANTED, Step.INTERVIEW_HELD):
        entry_move(entry=entry, to_step=step, actor=accepted)
    prefix = f"steg-{entry.pk}"
    response = login(accepted).post(
        reverse("portal:next_step", args=[entry.pk]),
        {f"{prefix}-step": Step.NOT_HIRED, f"{prefix}-reason": "", "fra": Step.INTERVIEW_HELD},
    )
    assert response.status_code == 200
    page = response.content.decode()
    card = _card(page, entry)
    assert f'value="{Step.NOT_HIRED}" id="id_{prefix}-step_1" checked' in card
    refused = "Skriv kort hvorfor dere ikke ansetter kandidaten."
    assert page.count(refused) == card.count(refused) == 1
    assert "checked" not in _card(page, other)
    entry.refresh_from_db()
    assert entry.step == Step.INTERVIEW_HELD


def test_an_answer_to_a_candidate_moved_meanwhile_says_so_on_its_card(login, accepted, presented):
    entry = presented()
    prefix = f"steg-{entry.pk}"
    # The contact side moved the candidate on after the employer's page was opened.
    entry_move(entry=entry, to_step=Step.INTERVIEW_WANTED, actor=accepted)
    response = login(accepted).post(
        reverse("portal:next_step", args=[entry.pk]),
        {f"{prefix}-step": Step.INTERVIEW_WANTED, f"{prefix}-reason": "", "fra": Step.PRESENTED},
    )
    assert response.status_code == 200
    card = _card(response.content.decode(), entry)
    assert "Noen andre har nettopp flyttet kandidaten til «" in card
    assert "Velg et gyldig valg" not in card
    entry.refresh_from_db()
    assert entry.step == Step.INTERVIEW_WANTED
