"""Django's JSON serializer without its one loss: times keep their microseconds.

`DjangoJSONEncoder` cuts datetimes and times to milliseconds, so a backup
in plain JSON would not restore exactly what it saved. Registered as the
"backupjson" format (settings.SERIALIZATION_MODULES) for `forum_site.backups`.
"""

import datetime

from django.core.serializers import json as django_json
from django.core.serializers.json import DjangoJSONEncoder


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = ExactEncoder


Deserializer = django_json.Deserializer
