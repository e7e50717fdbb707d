"""HTTP service: the web app over the store and the JSON API (FastAPI)."""

from newsfuse.service.app import create_app
from newsfuse.service.settings import ServiceSettings

__all__ = ["ServiceSettings", "create_app"]
