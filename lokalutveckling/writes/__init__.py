"""The forms' writes: insatser, follow-ups and accounts, each through the unit of work.

Each write function
1. checks the caller's role first (`PermissionError` for a reader or nobody; user management is
   for admins only), using the role stored in `anvandare` when the account is there, so that a
   deactivation or a new role takes effect at once;
2. validates everything before writing anything (`ValidationError` lists each (field, message),
   messages in Swedish and naming the field);
3. writes the row(s), one audit row per changed field and, for status moves, a statushistorik row,
   in one transaction on its own cursor, rolled back on any error, so that a failed write leaves the
   store exactly as it was;
4. for an insats, saves only if the stored version is still the one the editor loaded, else raises
   `ConflictError` carrying both the stored insats and what the editor tried to save;
5. after the commit calls `on_change()` if given (the app passes its cache clear).

SQL lives in `queries/write/` and `queries/register/`; values are always bound as `$name` parameters.
The connection must be read-write (`store.connect(path, read_only=False)`); audit times are UTC.

The rules live in `rules` (one rule set, used by the forms and by every import); the aggregates in
`insatser` (add_insats, update_insats, change_status, get_insats), `uppfoljningar` (add_uppfoljning)
`anvandare` (add_user, set_role, deactivate_user, set_password) and `uppdrag` (add_uppdrag,
update_uppdrag, update_krav, get_uppdrag, get_krav; UppdragConflictError). The vocabulary (statuses, types,
labels, the user, ValidationError) has one home: `lokalutveckling.domain`.
"""

from lokalutveckling.writes import rules
from lokalutveckling.writes.anvandare import add_user, deactivate_user, set_password, set_role
from lokalutveckling.writes.insatser import ConflictError, add_insats, change_status, get_insats, update_insats
from lokalutveckling.writes.rules import sorted_codes
from lokalutveckling.writes.uppdrag import (
    UppdragConflictError,
    add_uppdrag,
    get_krav,
    get_uppdrag,
    update_krav,
    update_uppdrag,
)
from lokalutveckling.writes.uppfoljningar import add_uppfoljning

__all__ = [
    "ConflictError",
    "UppdragConflictError",
    "add_insats",
    "add_uppdrag",
    "add_uppfoljning",
    "add_user",
    "change_status",
    "deactivate_user",
    "get_insats",
    "get_krav",
    "get_uppdrag",
    "rules",
    "set_password",
    "set_role",
    "sorted_codes",
    "update_insats",
    "update_krav",
    "update_uppdrag",
]
