"""Site-wide middleware that Django and django-csp do not provide."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Sends `Permissions-Policy` (settings.PERMISSIONS_POLICY) on every response.

    Django has no setting for this header; the site uses no camera, microphone,
    location or payment, so it turns them off for itself and any embedded frame.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.policy)
        return response
