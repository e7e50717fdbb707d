"""JSON output: the EventReport itself, versioned by its `schema_version` field.

Named json_render (not json.py) so the module can never shadow the standard library's
`json`, e.g. when a tool puts this directory on sys.path.
"""

from __future__ import annotations

import json

from newsfuse.model import SCHEMA_VERSION, EventReport

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def render_json(report: EventReport) -> str:
    """Pretty JSON with ISO dates; `EventReport.model_validate_json` reads it back unchanged."""
    return report.model_dump_json(indent=2)


def json_schema() -> str:
    """The JSON Schema of EventReport (what `newsfuse schema` prints)."""
    schema = {"$schema": JSON_SCHEMA_DIALECT, **EventReport.model_json_schema()}
    schema["description"] = (
        f"newsfuse event report, schema version {SCHEMA_VERSION}: a cited multi-document summary "
        "with corroborated facts, conflicting numbers, unique facts, quotes, entities and timeline."
    )
    return json.dumps(schema, indent=2, ensure_ascii=False)
