"""The published bundle JSON Schema: up to date with the model, and the bundled data validates against it."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from peacegraph.cli.seed import bundle_json_schema
from tests.paths import ROOT as PROJECT_ROOT


def test_published_schema_is_up_to_date() -> None:
    published = (PROJECT_ROOT / "docs" / "bundle.schema.json").read_text()
    assert published == bundle_json_schema(), "stale: run `peacegraph seed schema`"


def test_bundled_data_files_validate_against_the_json_schema() -> None:
    schema = json.loads(bundle_json_schema())
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)  # built once: jsonschema.validate checks the schema again on every call
    files = sorted((PROJECT_ROOT / "data").glob("*.yaml"))
    assert files
    for path in files:
        data = json.loads(json.dumps(yaml.load(path.read_text(), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)), default=str))
        validator.validate(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": "peacegraph.bundle/1", "missions": [{"id": "x"}]}, schema)
    with pytest.raises(jsonschema.ValidationError, match="does not match"):
        jsonschema.validate({"format": "peacegraph.bundle/1", "sources": [
            {"id": "u\u200bn", "title": "Zero width", "kind": "other"}]}, schema)
