from django.db import migrations

# The audit log refuses TRUNCATE too (migration 0001 refuses UPDATE and DELETE row by row).
# The app's own database role cannot truncate it anyway (vi_inkluderer/dbroles.py grants it
# SELECT and INSERT only); this stops the owner as well. A session that sets
# vi_inkluderer.allow_audit_truncate = 'on' passes: the test suite's flush between
# transactional tests, done as the owner, who could disable the trigger just as well.
REFUSE_TRUNCATE_SQL = """
CREATE FUNCTION candidates_refuse_truncate() RETURNS trigger AS $$
BEGIN
    IF current_setting('vi_inkluderer.allow_audit_truncate', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'candidates_auditrecord is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER candidates_auditrecord_no_truncate
    BEFORE TRUNCATE ON candidates_auditrecord
    FOR EACH STATEMENT EXECUTE FUNCTION candidates_refuse_truncate();
"""


class Migration(migrations.Migration):
    dependencies = [("candidates", "0009_employer_assessment")]

    operations = [
        migrations.RunSQL(
            sql=REFUSE_TRUNCATE_SQL,
            reverse_sql="DROP TRIGGER candidates_auditrecord_no_truncate "
            "ON candidates_auditrecord; DROP FUNCTION candidates_refuse_truncate();",
        )
    ]
