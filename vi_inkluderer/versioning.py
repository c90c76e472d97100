"""Edit forms that refuse to overwrite a save made meanwhile.

The form carries a hidden `version`: the row's `updated_at` when the edit began. The service
compares it with the stored row and saves nothing if they differ; the view then calls
`start_again_from(stored_row)`, which shows `changed_meanwhile_message` and makes the next
submit count against the stored version, keeping what the user typed."""


class StartAgainMixin:
    changed_meanwhile_message: str

    def start_again_from(self, stored) -> None:
        self.add_error(None, self.changed_meanwhile_message)
        self.data = self.data.copy()
        self.data["version"] = stored.updated_at.isoformat()
