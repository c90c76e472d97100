from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from accounts.models import Role, User
from dashboards.pilot_import import (
    PilotFileError,
    PilotImportInvalid,
    apply_pilot_import,
    read_pilot_dir,
)


class Command(BaseCommand):
    help = (
        "Import the pilot's employers.csv, agreements.csv, candidates.csv and hires.csv from DIR "
        "(or the same sheets of one .xlsx file there). Nothing is written if any row is invalid."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument(
            "--as", dest="actor", metavar="EMAIL", help="administrator recorded as the importer"
        )

    def handle(self, *args, directory, actor, **options):
        admins = User.objects.filter(role=Role.ADMIN, is_active=True).order_by("pk")
        user = admins.filter(email__iexact=actor).first() if actor else admins.first()
        if user is None:
            raise CommandError("No active administrator to record as the importer (--as EMAIL).")
        if not directory.is_dir():
            raise CommandError(f"{directory} is not a directory")
        try:
            result = apply_pilot_import(rows=read_pilot_dir(directory), actor=user)
        except PilotFileError as error:
            raise CommandError(str(error)) from error
        except PilotImportInvalid as invalid:
            for e in invalid.plan.errors:
                self.stderr.write(f"{e.file} rad {e.row}, {e.column}: {e.message}")
            raise CommandError(
                f"{len(invalid.plan.errors)} feil; ingenting er importert."
            ) from None
        for name, created in result.created.items():
            self.stdout.write(f"{name}: {created} new, {result.updated.get(name, 0)} updated")
