"""
WSGI config for forum_site project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import os

from django.core.wsgi import get_wsgi_application

from forum_site.gc_freeze import freeze_as_the_process_warms

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "forum_site.settings")

application = get_wsgi_application()

freeze_as_the_process_warms()
