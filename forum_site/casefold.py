"""Case-insensitive matching of every letter on SQLite, for the admin's search.

SQLite's LIKE folds ASCII letters only, so Django's `icontains` does not find
"Форум" for "форум", nor "Әлеуметтік" for "әлеуметтік" (shared/KAZAKH.md).
Each SQLite connection gets a `casefold()` SQL function (events.text.normalise:
NFC and Python's `str.casefold`, what the public search stores), and three
lookups use it: `casefold_contains`, `casefold_startswith` and
`casefold_exact`. On any other database they are Django's `icontains`,
`istartswith` and `iexact`, the same SQL: PostgreSQL folds every letter itself.

SQLite's own LIKE is left as it is: the public booth search compares text
stored already folded (Booth.search_text), at LIKE's native speed.
"""

from django.db import connections
from django.db.models import CharField, Field, Lookup, TextField
from django.db.models.lookups import IContains, IExact, IStartsWith

from events.text import normalise

SQL_FUNCTION = "casefold"


def _casefold(value):
    return None if value is None else normalise(str(value))


def add_sql_function(connection):
    if connection.vendor == "sqlite":
        connection.connection.create_function(SQL_FUNCTION, 1, _casefold, deterministic=True)


def on_connection_created(sender, connection, **kwargs):
    add_sql_function(connection)


def add_to_open_connections():
    """The function on connections opened before the signal was connected (normally none)."""
    for connection in connections.all(initialized_only=True):
        if connection.connection is not None:
            add_sql_function(connection)


class CaseFolded(Lookup):
    """A case-insensitive lookup: every letter folded on SQLite, `fallback` elsewhere."""

    fallback: type[Lookup]
    operator: str  # SQL after the folded column
    pattern: str  # how the folded, LIKE-escaped term is matched
    # As Django's pattern lookups: the term stays text whatever the column.
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        return compiler.compile(self.fallback(self.lhs, self.rhs))

    def as_sqlite(self, compiler, connection):
        folds = isinstance(self.rhs, str) and isinstance(
            self.lhs.output_field, (CharField, TextField)
        )
        if not folds:
            # A number, an address, an expression: nothing to fold, Django's lookup as it is.
            return self.as_sql(compiler, connection)
        column, params = compiler.compile(self.lhs)
        term = self.pattern % connection.ops.prep_for_like_query(normalise(self.rhs))
        return f"{SQL_FUNCTION}({column}) {self.operator}", (*params, term)


class CaseFoldedContains(CaseFolded):
    lookup_name = "casefold_contains"
    fallback = IContains
    operator = "LIKE %s ESCAPE '\\'"
    pattern = "%%%s%%"


class CaseFoldedStartsWith(CaseFolded):
    lookup_name = "casefold_startswith"
    fallback = IStartsWith
    operator = "LIKE %s ESCAPE '\\'"
    pattern = "%s%%"


class CaseFoldedExact(CaseFolded):
    lookup_name = "casefold_exact"
    fallback = IExact
    # LIKE, as Django's iexact on SQLite: the escaped term matches itself only.
    operator = "LIKE %s ESCAPE '\\'"
    pattern = "%s"


def register_lookups():
    # On Field, not only text fields: a search field may be a number or an IP
    # address (django-axes), which then gets Django's own lookup.
    for lookup in (CaseFoldedContains, CaseFoldedStartsWith, CaseFoldedExact):
        Field.register_lookup(lookup)
