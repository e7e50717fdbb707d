"""HTTP API and web page (FastAPI). Start with `newsfuse serve`."""

from newsfuse.service.app import create_app

__all__ = ["create_app"]
