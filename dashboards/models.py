"""Read models for the figures: database views that PostgreSQL keeps live by itself."""

from django.db import models

from employers.models import Employer


class FirstSigning(models.Model):
    """Each employer's first signing day (its earliest signed agreement), as a view over the
    agreements (migration 0001). Hires are compared with it in a join: as a correlated
    subquery it ran again for every filtered count that named it (50 per hire on the national
    dashboard)."""

    employer = models.OneToOneField(
        Employer,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_constraint=False,
        related_name="first_signing",
    )
    signed_on = models.DateField()

    class Meta:
        managed = False
        db_table = "dashboards_first_signing"

    def __str__(self):
        return f"{self.employer_id}: {self.signed_on}"
