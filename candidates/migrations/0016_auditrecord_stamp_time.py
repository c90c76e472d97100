from django.db import migrations

# The app's role may append to the audit log but not choose when: a row it inserts gets the
# database's own time, so back-dated rows cannot be forged. Only the table's owner (migrations,
# demo and scale seeding, restores) keeps the time it writes.
STAMP_TIME_SQL = """
CREATE FUNCTION candidates_audit_stamp_time() RETURNS trigger AS $$
BEGIN
    IF NOT pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE')
    THEN
        NEW.at := now();
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER candidates_auditrecord_stamp_time
    BEFORE INSERT ON candidates_auditrecord
    FOR EACH ROW EXECUTE FUNCTION candidates_audit_stamp_time();
"""


class Migration(migrations.Migration):
    dependencies = [("candidates", "0015_consent_ask")]

    operations = [
        migrations.RunSQL(
            sql=STAMP_TIME_SQL,
            reverse_sql="DROP TRIGGER candidates_auditrecord_stamp_time "
            "ON candidates_auditrecord; DROP FUNCTION candidates_audit_stamp_time();",
        )
    ]
