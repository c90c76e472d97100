"""Two database roles in production: the owner, who runs the migrations and owns every table,
and the app's role, which serves the requests and runs the workers (README: Production).

The app's role gets ordinary DML on every table but only SELECT and INSERT on the audit log,
owns nothing, and so cannot UPDATE, DELETE or TRUNCATE the log, nor disable or drop its
triggers. A command run as the owner with APP_DATABASE_URL set (settings.APP_DATABASE) creates
the role if it is missing and (re)applies the grants: after every `migrate`, so new tables are
covered, and after a restore."""

import logging

from django.conf import settings
from django.db import connections
from psycopg import sql

from candidates.models import AuditRecord

logger = logging.getLogger(__name__)


def app_role_configured() -> bool:
    """This command runs as the owner and the app serves as another role."""
    app = settings.APP_DATABASE
    return bool(app) and app.get("USER") != settings.DATABASES["default"].get("USER")


def grant_configured_app_role() -> None:
    if app_role_configured():
        grant_app_role(
            "default", settings.APP_DATABASE["USER"], settings.APP_DATABASE.get("PASSWORD")
        )


def grant_app_role(using: str, role: str, password: str | None = None) -> None:
    """As the owner (connection `using`): create `role` if it is missing (a login role without
    superuser, database or role rights) and give it what the app needs on every table of the
    current schema, the audit log append-only."""
    connection = connections[using]
    audit_table = AuditRecord._meta.db_table
    with connection.cursor() as cursor:
        raw = cursor.connection

        def run(statement: sql.Composable) -> None:
            cursor.execute(statement.as_string(raw))

        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = %s", [role])
        found = cursor.fetchone()
        if found is None:
            create = sql.SQL(
                "CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
            ).format(sql.Identifier(role))
            if password:
                create = sql.SQL("{} PASSWORD {}").format(create, sql.Literal(password))
            run(create)
        elif found[0]:
            logger.warning("Database role %s is a superuser: the audit log is not protected", role)
        cursor.execute("SELECT current_schema()")
        schema = sql.Identifier(cursor.fetchone()[0])
        grantee = sql.Identifier(role)
        for statement in (
            "GRANT USAGE ON SCHEMA {schema} TO {role}",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}",
            "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
            "REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON {audit} FROM {role}",
        ):
            run(
                sql.SQL(statement).format(
                    schema=schema, role=grantee, audit=sql.Identifier(audit_table)
                )
            )


def grant_after_migrate(sender, using, **kwargs) -> None:
    """post_migrate receiver: once per `migrate` (for the candidates app, which owns the audit
    log), when the app serves as a role of its own."""
    if sender.name == "candidates" and using == "default":
        grant_configured_app_role()
