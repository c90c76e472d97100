from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from vi_inkluderer.backups import BackupError, backup_create


class Command(BaseCommand):
    help = "Back up the database (pg_dump custom format) and MEDIA_ROOT into one .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="Archive to write (default: var/backups/vi-inkluderer-<time>.tar.gz)",
        )

    def handle(self, *args, output: Path | None, **options):
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        target = output or Path("var") / "backups" / f"vi-inkluderer-{stamp}.tar.gz"
        try:
            backup_create(target)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(target))
