"""
WSGI config for forum_site project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forum_site.settings")

application = get_wsgi_application()

# The objects loaded so far (modules, models, settings) live as long as the
# process. Frozen, the collector stops walking them: its full collections,
# which took 40-70 ms in the middle of a request, shrink to the request's own
# objects (see bench/RESULTS.md).
gc.freeze()
